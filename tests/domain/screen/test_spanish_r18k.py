"""Spanish, session 18 (es15): an attempt told without naming it, by its means ("anoche lo intenté con un cinturón y
se rompió", "lo volví a intentar con un lazo") is a crisis (a family from the development text's Sinaloa writer:
read as nothing). A dog's lead, a rope to tie a load, a new belt tried on stay unread. Paraphrases written for this
test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "anoche lo intenté con un cinturón y se rompió",
        "lo volví a intentar con un lazo en el baño",
        "lo intenté con el cinto en el clóset pero me arrepentí",
        "el sábado lo intenté con una cuerda y mi hermano me encontró",
    ],
)
def test_an_attempt_told_by_its_means_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "lo intenté con la correa del perro pero se soltó",
        "lo intenté con un lazo para amarrar la carga de la troca",
        "lo intenté con el cinturón nuevo pero no me queda",
    ],
)
def test_a_lead_a_load_and_a_belt_tried_on_are_not(text: str) -> None:
    read_as(text, Level.NONE)
