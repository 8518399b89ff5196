"""Session 19 (en17): a plea to God to take me now, or to let me not wake up, is a wish to be dead ("god please just
take me tonight" was only asked about). A ride asked for, a test prayed over, a long day sighed about are not.
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "god please just take me tonight",
        "lord please take me",
        "god pls just take me",
        "lord take me now",
        "jesus please just take me, im so tired of all of it",
        "dear god please take me in my sleep",
    ],
)
def test_god_begged_to_take_me_pages(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "lord just let me not wake up tomorrow",
        "please let me not wake up",
        "just let me sleep and never wake up",
        "god let me not wake up this time",
    ],
)
def test_let_me_not_wake_up_pages(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "god that took me all day",
        "jesus it took me forever to get here",
        "lord please take me to the meeting tomorrow, my car is dead",
        "let me know if i dont wake up in time for group",
        "god please let me pass this test",
        "oh my god can you take me to group tonight",
    ],
)
def test_a_ride_a_prayer_or_a_sigh_is_not(text: str) -> None:
    not_crisis(text)
