"""Session 22 (en20), newcomer N203 twin: energy drinks drunk ("drank 2 monsters and now my heart is racing lol") read
as a use (relapse) or, with a racing heart, an overdose. An energy drink is no use and its racing heart no overdose; a
beer drunk beside it is still a use, and a drug or a hit beside it with the signs is still an overdose. Paraphrases
written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "i drank 2 monsters and now my heart is racing lol",
        "had 3 red bulls and my heart is pounding",
        "drank a couple bangs before work, heart going crazy",
        "pounded 2 energy shots, heart racing",
        "drank a monster on the way to group",
    ],
)
def test_an_energy_drink_is_no_use_and_no_overdose(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "drank 2 beers and a monster last night",
        "drank a few beers with my monster energy at the bbq",
    ],
)
def test_a_drink_beside_it_is_still_a_use(text: str) -> None:
    assert assess(text).level == Level.RELAPSE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "drank a monster after doing a bump, heart is going crazy",
        "had a red bull and a couple lines, heart pounding out of my chest",
        "did a line and now my heart is racing",
    ],
)
def test_a_drug_beside_it_with_the_signs_is_still_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")
