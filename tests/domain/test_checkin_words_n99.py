"""Typed check-in answers newcomer14 found refused (N99, N100): a sound before the number ("meh 3"), other words
for "none" at the craving scale ("ninguna, cero", a bare "no"), and Spanish sleep words typed at another question."""

from __future__ import annotations

import pytest

from bot.domain.checkins import other_question, parse_answer
from tests.domain.checkin_items import CONFIG, checkin_item


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("mood", "meh 3", 3),
        ("mood", "ugh 2", 2),
        ("mood", "bleh, 4", 4),
        ("mood", "ay 5", 5),
        ("craving", "ugh 9 tbh", 9),
        ("craving", "ninguna, cero", 0),
        ("craving", "ninguna", 0),
        ("craving", "no", 0),
        ("craving", "none at all", 0),
        ("sleep", "meh", 1),  # the sound alone is still the sleep question's OK
    ],
)
def test_the_answer_is_read(key: str, typed: str, value: int) -> None:
    assert parse_answer(checkin_item(key), typed) == value


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("mood", "no"),
        ("mood", "meh"),
        ("mood", "ninguna"),
        ("craving", "nada, siete"),
        ("mood", "meh 3 or 8"),
    ],
)
def test_words_that_are_no_number_for_this_scale_are_still_no_answer(key: str, typed: str) -> None:
    # "none" is the craving scale's end, not the mood's; a sound alone is no number.
    assert parse_answer(checkin_item(key), typed) is None


def test_spanish_sleep_typed_at_the_craving_question_is_pointed_out_as_the_sleep_answer() -> None:
    for typed in ("mal, me desperté a cada rato", "fatal, me desvelé", "didnt sleep at all"):
        found = other_question(CONFIG, checkin_item("craving"), typed)
        assert found is not None and found.key == "sleep", typed
