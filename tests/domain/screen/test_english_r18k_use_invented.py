"""Session 18 (en16, newcomer N113/N109): use the patient did not tell. Thinking about using through a day ("been
thinking about using all day") is a craving, not a pattern of use; a rationalisation before a drink ("one drink wont
hurt right") is a craving; a using dream ("relapse dream again last night") is no use. Use told plainly stays a relapse.
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "been thinking about using all day",
        "thinkin bout drinking every night this week",
        "ive been thinking about using every day since friday",
        "one drink wont hurt right",
        "one beer won't hurt, its a party",
        "just one hit wont hurt",
    ],
)
def test_thinking_about_it_or_talking_myself_into_it_is_a_craving_not_use(text: str) -> None:
    read_as(text, Level.CRAVING)


@pytest.mark.parametrize(
    "text",
    [
        "relapse dream again last night, woke up sweating",
        "had a using dream, felt so real",
        "drinking dreams every night this week",
        "another drug dream, so weird",
    ],
)
def test_a_using_dream_is_no_use(text: str) -> None:
    result = assess(text)
    assert result.level in (Level.NONE, Level.CRAVING, Level.CHECK), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "been using all day",
        "i drink every night",
        "one drink turned into twelve last night",
        "had a relapse dream and then went out and drank a six pack",
        "thought about it and i used all day yesterday",
    ],
)
def test_use_told_plainly_stays_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)
