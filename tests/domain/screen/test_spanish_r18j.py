"""Spanish, session 18 (es15): better if I were not here, said with the past subjunctive ("soy una carga pa todos,
mejor que ya no estuviera", "sería mejor que no existiera") is a wish to be dead, a crisis (a family from the
development text's Sinaloa writer: it was a check). Said of something else (a boss angry, rain, a job) it is not.
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "nomás les doy lata a todos, mejor que ya no estuviera",
        "les estorbo a todos, sería mejor que no existiera",
        "mejor ya no estar, nomás les doy problemas",
        "pa qué sigo, mejor que ya no estuviera",
        "soy un peso para mi familia. mejor que ya no existiera",
    ],
)
def test_better_if_i_were_not_here_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "sería mejor que no estuviera enojada mi jefa",
        "mejor que no estuviera lloviendo para el partido",
        "mejor que ya no estuviera ese trabajo, me pagan mal",
    ],
)
def test_something_else_not_there_is_not(text: str) -> None:
    read_as(text, Level.NONE)
