"""Session 18 (en16): a car or a truck taken, borrowed or stolen to a cliff or a bridge is a place of means reached, as
"drove my car to the cliff" is ("taking my dads truck to the cliff" read as nothing since the layer's retrain: it was
never a rule). A sunset with friends, an errand, a walk with the kids are not. Paraphrases written for this test;
rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "taking my dads truck to the cliff",
        "took my moms car to the bridge tonight",
        "gonna take my stepdads truck out to the cliffs tonight",
        "im taking the car to the bridge and not coming back",
        "stole my uncles truck, heading for the cliff",
        "borrowed my sisters car to go up to the overpass",
    ],
)
def test_a_vehicle_taken_to_a_high_place_is_at_least_asked_about(text: str) -> None:
    result = assess(text)
    assert result.level in (Level.CHECK, Level.CRISIS), result.reasons


def test_a_vehicle_taken_to_the_cliff_pages_as_driving_there_does() -> None:
    result = assess("taking my dads truck to the cliff")
    assert result.level == Level.CRISIS, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "took the truck to the cliffs to watch the sunset with my friends",
        "taking my dads truck to the shop by the bridge",
        "took the car over the bridge to get groceries",
        "taking the kids to the cliff walk this weekend",
    ],
)
def test_a_trip_an_errand_or_an_outing_is_not(text: str) -> None:
    read_as(text, Level.NONE)
