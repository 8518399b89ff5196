"""A scale answer with a word of how much before the number (newcomer N64): "a lot, like 8", "muchas, como 8"
were kept as a note and met with "I need a whole number from 0 to 10"."""

from __future__ import annotations

import pytest

from bot.domain.checkins import parse_answer
from tests.domain.checkin_items import checkin_item


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("mood", "a lot, like 8", 8),
        ("craving", "muchas, como 8", 8),
        ("craving", "pretty high, maybe 7", 7),
        ("craving", "bastantes como un 6", 6),
        ("craving", "not much, 2", 2),
        ("mood", "kinda low, like 3", 3),
    ],
)
def test_how_much_then_the_number_is_the_number(key: str, typed: str, value: int) -> None:
    assert parse_answer(checkin_item(key), typed) == value


@pytest.mark.parametrize(
    ("key", "typed"), [("mood", "not 8"), ("craving", "8 yesterday but 3 now"), ("mood", "a lot")]
)
def test_a_number_taken_back_or_two_numbers_are_still_no_answer(key: str, typed: str) -> None:
    assert parse_answer(checkin_item(key), typed) is None
