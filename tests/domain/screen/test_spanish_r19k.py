"""Spanish, session 19 (es17): letters written in the perfect of Spain ("he escrito cartas para mis hijos y las he
dejado en el cajón") are a goodbye left, as "escribí" is; "le hemos escrito una carta entre todos" is not mine. A
blade passed over my neck or wrist ("pienso en pasármelo por el cuello", "me lo paso por la muñeca") is cutting
myself. Driving lessons or last year's drive are no drunk driving. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "he escrito cartas para mis hijos y las he dejado en el cajón",
        "ya he escrito una carta para mi madre y otra para mi hermano",
        "les he escrito una carta a mis hijas, está en la mesilla",
        "he escrito una carta para mi familia, perdón por todo",
    ],
)
def test_letters_written_in_the_perfect_are_a_goodbye(text: str) -> None:
    crisis(text, "crisis:goodbye_note")


@pytest.mark.parametrize(
    "text",
    [
        "un compañero se fue a otro centro y le hemos escrito una carta entre todos",
        "he escrito un ensayo para la escuela de mis hijos",
        "he escrito la carta de renuncia, mañana la entrego",
    ],
)
def test_a_letter_from_us_or_an_essay_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "a veces veo el cuchillo y pienso en pasármelo por el cuello",
        "tengo la navaja y me lo paso por la muñeca despacito",
        "quiero pasármela por las venas",
        "ayer me lo pasé por la muñeca y sangró",
    ],
)
def test_a_blade_over_my_neck_or_wrist_is_cutting_myself(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "estoy tomando clases de manejo los sábados",
        "el año pasado manejé hasta texas con mi hermano",
    ],
)
def test_driving_lessons_or_last_years_drive_are_nothing(text: str) -> None:
    read_as(text, Level.NONE)
