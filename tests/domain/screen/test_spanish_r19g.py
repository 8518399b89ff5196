"""Spanish, session 19 (es17): the brief's "only a check" list and the Spanish twins of N117 and N107.

- My pills taken AWAY from me by someone ("mi hermana me quitó las pastillas, ya estoy bien"): means removed, asked
  about as someone else's act (check), not others' pills taken (a relapse) nor an overdose; alone or after "tengo
  las pastillas en la mano". "Me quito la vida" stays a crisis.
- "me metí demasiado" said bare is an overdose under way (it was a check); too much work or a drink is not.
- "ya no voy a molestar a nadie" is the burden lifted by my ending (a crisis); a goodnight is not.
- A thought of taking all my pills is a plan (overdose_planned), not an overdose under way (N107).
Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "mi hermana me quitó las pastillas, ya estoy bien",
        "mi mamá entró y me las quitó, ya estoy más tranquila",
        "mi esposo se llevó las pastillas, ya estoy bien",
        "mi roomie me escondió las pastillas y ya me calmé",
        "tengo las pastillas en la mano. mi hermano entró y me las quitó, ya estoy bien",
    ],
)
def test_means_taken_away_by_someone_is_asked_about(text: str) -> None:
    result = read_as(text, Level.CHECK)
    assert not any("overdose" in r or r.startswith("relapse:") for r in result.reasons), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto, me quito la vida",
        "me tomé todas las pastillas y luego mi hermana me quitó el frasco",
    ],
)
def test_my_own_taking_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me metí demasiado",
        "creo que me metí demasiado",
        "ya me metí demasiado, no siento las piernas",
        "me metí demasiado, ayúdenme",
    ],
)
def test_used_too_much_said_bare_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "me metí demasiado en el trabajo esta semana",
        "me tomé demasiado café hoy",
        "cuando llegué a la ciudad me metí de todo, ya no",
    ],
)
def test_too_much_work_or_coffee_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya no voy a molestar a nadie",
        "ya no voy a molestar a nadie más, perdón por todo",
        "no voy a molestar a nadie nunca más",
        "ya no voy a ser molestia para nadie",
    ],
)
def test_not_bothering_anyone_ever_again_is_a_burden_ended(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "ya no te molesto, buenas noches",
        "ya no los molesto, gracias por todo, nos vemos el jueves",
    ],
)
def test_a_goodnight_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy pensando en tomarme todas las pastillas",
        "a veces pienso en tomarme todo el frasco",
        "quiero tomarme todas las pastillas esta noche",
        "ando pensando en tragarme todas las pastillas de mi mamá",
    ],
)
def test_a_thought_of_taking_all_the_pills_is_a_plan(text: str) -> None:
    result = crisis(text, "crisis:overdose_planned")
    assert "crisis:overdose" not in result.reasons, result.reasons
