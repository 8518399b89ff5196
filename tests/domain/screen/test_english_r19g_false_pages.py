"""Session 19 (en17): English false pages from the findings, each a family. Laundry, lights or plants hung on a
balcony or a roof are a chore, not a hanging or a high place; a granola bar, a protein bar or a bar of soap is no bar
drunk at; a disappearance to the beach or for a few hours is a getaway (newcomer N14). Beside each, the crisis it
must not hide. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "hanging laundry on the balcony",
        "hanging the christmas lights on the roof today",
        "im out on the balcony hanging plants",
        "spent the morning hanging towels off the balcony to dry",
        "hung a flag off the balcony for the game",
    ],
)
def test_a_chore_on_a_balcony_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "thinking about hanging myself from the balcony",
        "i want to jump off the balcony",
        "im on the bridge looking at the city lights",
    ],
)
def test_a_hanging_a_jump_or_a_bridge_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "granola bar",
        "had a protein bar and a coffee for breakfast",
        "ate a candy bar at work",
        "had a kind bar on the drive in",
        "the kids want chocolate bars after dinner",
    ],
)
def test_a_bar_eaten_or_studied_for_is_no_use(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text", ["went to the bar after work and had 4 beers", "ended up at the bar last night"]
)
def test_the_bar_drunk_at_is_still_a_use(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "i wanna disappear to the beach for a weekend",
        "just want to disappear for a few hours, kids are driving me nuts",
        "i want to disappear to the mountains for a week and turn my phone off",
        "i wish i could disappear to vegas for a bit",
    ],
)
def test_a_getaway_is_no_wish_to_vanish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["i just want to disappear", "i want to disappear forever", "i want to disappear and never come back"],
)
def test_a_wish_to_vanish_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize("text", ["machete to clear the brush", "thank you for trying to call back"])
def test_a_tool_or_a_thanks_is_not(text: str) -> None:
    not_crisis(text)
