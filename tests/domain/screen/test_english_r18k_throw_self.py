"""Session 18 (en16, findings-16 re-check): throwing myself into a river, a lake or the sea said plainly ("im gonna
throw myself in the river") is a method, as "throw myself off the bridge" is (it was a check by the layer only). Into
work, onto the couch, into the lake for a swim are not. Paraphrases written for this test; rules alone (conftest.py
turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "im gonna throw myself in the river",
        "gonna throw myself into the lake tonight",
        "i want to throw myself in the ocean and sink",
        "thinking of throwing myself into the river after dark",
    ],
)
def test_throwing_myself_into_the_water_is_a_method(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i threw myself into work this week",
        "threw myself on the couch after group",
        "threw myself in the lake to cool off, so hot today",
        "im throwing myself into my recovery like a river",
    ],
)
def test_into_work_the_couch_or_a_swim_is_not(text: str) -> None:
    read_as(text, Level.NONE)
