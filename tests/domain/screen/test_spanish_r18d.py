"""Spanish, session 18 (es15): the self as a ghost, and tired of pretending to be fine ("me siento como un fantasma",
"estoy cansada de fingir que estoy bien"), are asked about, as "me siento vacía" is (the English twins of newcomer
N71; read as nothing). A costume, a ghost film, an actress in a soap opera stay unread. Paraphrases written for this
test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "me siento como un fantasma",
        "vivo como un fantasma en mi propia casa",
        "ando como fantasma, nadie me ve",
        "me siento invisible en el grupo",
        "estoy cansada de fingir que estoy bien",
        "ya me cansé de fingir",
        "estoy harto de hacerme el fuerte",
    ],
)
def test_a_ghost_and_pretending_to_be_fine_are_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "mi hija se disfrazó de fantasma para halloween",
        "vimos una película de fantasmas con los niños",
        "el perro apareció como un fantasma en la noche",
    ],
)
def test_ghosts_in_everyday_spanish_are_not(text: str) -> None:
    read_as(text, Level.NONE)
