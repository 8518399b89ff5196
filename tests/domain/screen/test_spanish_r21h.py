"""Session 21 (es19, newcomer N157): a Spanish use come close to, said bare or with the drug ("casi compro hoy pero le
hablé a mi padrino", "estuve a punto de recaer", "por poco compro perico"): a craving resisted, read as a craving.
Paraphrases written for this test, never corpus messages; hard negatives beside them."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "casi compro hoy pero le hablé a mi padrino",
        "ayer estuve a punto de recaer, me salí de la fiesta",
        "por poco compro perico, pero me aguanté",
        "estuve a nada de tomar, pero me fui a la junta",
        "casi recaigo anoche, la neta",
    ],
)
def test_a_use_come_close_to_is_a_craving(text: str) -> None:
    read_as(text, Level.CRAVING)


@pytest.mark.parametrize(
    "text",
    [
        "casi compro el carro rojo, pero estaba muy caro",
        "casi me caigo de la escalera en la chamba",
        "casi tomo el camión equivocado esta mañana",
        "casi compro los boletos del concierto hoy",
    ],
)
def test_a_car_a_fall_or_a_bus_nearly_taken_is_nothing(text: str) -> None:
    read_as(text, Level.NONE)
