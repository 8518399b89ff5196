"""Spanish, session 20 (es18): short Spanish checks read as nothing (hopeless 7/16 and worthless 8/16 on the last
held-out set with the rules alone): "nada va a cambiar", "ya perdí la fe", "pa qué le sigo", "no valgo pa nada", "soy
una vergüenza", "mi papá siempre dijo que yo no iba a servir para nada y tenía razón" are asked about (are you safe
right now?), as "no sirvo para nada" is. A thing that will not change, a cake that turned out badly or a joke are
not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "la neta nada va a cambiar pa mí",
        "esto no va a mejorar nunca, ya lo sé",
        "ya perdí la fe, llevo meses igual",
        "pa qué le sigo si siempre termino igual",
        "mi futuro es negro, sin chamba y sin mis hijos",
        "ya no espero nada de la vida",
        "para qué intentarlo otra vez",
    ],
)
def test_hopeless_said_short_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "no valgo pa nada, ni pa lavar trastes",
        "soy una vergüenza pa mi familia",
        "mi jefa siempre dijo que yo no iba a llegar a nada y tenía razón",
        "no hago nada bien, ni dejar de tomar",
        "me da asco quien soy",
        "soy un fracasado y todos lo saben",
        "ni pa padre sirvo",
    ],
)
def test_worthless_said_short_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "el horario del grupo no va a cambiar, sigue los martes",
        "el pastel me salió mal pero lo vamos a comer igual",
        "mi hijo no hace nada bien en la cocina jaja pero le echa ganas",
    ],
)
def test_a_schedule_or_a_cake_is_not(text: str) -> None:
    read_as(text, Level.NONE)
