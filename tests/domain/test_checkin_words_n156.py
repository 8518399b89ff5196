"""Typed check-in answers said first and then why (newcomer18 N156, N149): "idk like 5? better than yesterday 🙂" and
"like crap, baby was up all night 😫" were re-asked two or three times a question; the answer is the first clause
when it is one on its own, and the words after it are kept with the check-in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.checkins import answer_typed, parse_answer, start_draft
from tests.domain.checkin_items import CONFIG, checkin_item


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("mood", "idk like 5? better than yesterday 🙂", 5),
        ("mood", "like 5 i guess, better than yesterday", 5),
        ("mood", "6. long day at work", 6),
        ("sleep", "slept ok i guess", 1),
        ("sleep", "like crap, baby was up all night 😫", 0),
        ("sleep", "bien, pero cansada", 2),
        ("sleep", "mal, el bebé no me dejó dormir", 0),
        ("craving", "like 7 ngl, payday tomorrow", 7),
    ],
)
def test_the_answer_before_the_why_is_read(key: str, typed: str, value: int) -> None:
    assert parse_answer(checkin_item(key), typed) == value


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("mood", "5, or maybe 7"),  # another answer offered: asked again
        ("mood", "5? 7? idk"),
        ("mood", "better than yesterday"),  # no answer in it
        ("sleep", "no idea, or like 3 hours"),
        ("sleep", "baby was up all night, like crap"),  # the answer is not first: asked again, as before
    ],
)
def test_no_answer_first_is_still_asked_again(key: str, typed: str) -> None:
    assert parse_answer(checkin_item(key), typed) is None


def test_the_words_after_a_number_are_kept_for_the_counselor() -> None:
    item = checkin_item("mood")
    draft = start_draft(CONFIG, draft_id="d1", now=datetime(2026, 12, 1, 9, tzinfo=UTC))
    typed = "idk like 5? better than yesterday 🙂"
    kept = answer_typed(CONFIG, draft, item, typed, parse_answer(item, typed))
    assert kept.answers["mood"] == 5 and kept.asides == (typed,)
    plain = answer_typed(CONFIG, draft, item, "like a 5", 5)
    assert plain.asides == ()
