"""Check-in answers typed in everyday words after a crisis (newcomer10 N30): read as the buttons are, so they
answer the question on screen instead of going to the alert's counselors as a crisis follow-up."""

from __future__ import annotations

import pytest

from bot.domain.checkins import other_question, parse_answer, tried_answer
from tests.domain.checkin_items import CONFIG, checkin_item


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("craving", "nada, cero", 0),
        ("craving", "nada", 0),
        ("craving", "none", 0),
        ("craving", "eh 6ish", 6),
        ("craving", "like 6ish", 6),
        ("mood", "the worst", 0),
        ("sleep", "dormí como bebé", 2),
        ("sleep", "como piedra", 2),
        ("sleep", "dormi como un tronco", 2),
        ("used", "im clean", 0),
        ("used", "i'm clean", 0),
        ("used", "nah im clean", 0),
        ("used", "sigo limpio", 0),
    ],
)
def test_everyday_answers_are_read(key: str, typed: str, value: int) -> None:
    assert parse_answer(checkin_item(key), typed) == value


@pytest.mark.parametrize(
    ("key", "typed"),
    [("craving", "nada, siete"), ("mood", "nada"), ("craving", "nada que ver"), ("mood", "6ish or 8")],
)
def test_halves_that_disagree_or_other_words_are_still_no_answer(key: str, typed: str) -> None:
    assert parse_answer(checkin_item(key), typed) is None


def test_another_questions_answer_in_words_is_pointed_out() -> None:
    # At the craving question: the sleep question's and the use question's answers.
    for typed, other in [("dormí como bebé", "sleep"), ("nah im clean", "used")]:
        found = other_question(CONFIG, checkin_item("craving"), typed)
        assert found is not None and found.key == other, typed


@pytest.mark.parametrize(
    ("key", "typed", "attempt"),
    [
        ("sleep", "dormí como un angelote", True),
        ("sleep", "slept weird, kept waking up", True),
        ("craving", "cravings are kinda up there", True),
        ("craving", "7.5", True),
        ("sleep", "can someone call me, im scared", False),
        ("craving", "i dont know what to do anymore", False),
    ],
)
def test_a_try_at_the_question_on_screen_is_told_from_other_words(
    key: str, typed: str, attempt: bool
) -> None:
    assert tried_answer(checkin_item(key), typed) is attempt
