"""Reasons said of a named counselor read right said of "they" too (newcomer13 O53: "they has blocked the bot")."""

from __future__ import annotations

from bot import texts
from bot.domain.reach import BLOCKED, NOT_STAFF, NOT_STARTED


def test_a_reason_said_of_they_agrees_with_it() -> None:
    assert texts.of_them(BLOCKED) == "have blocked the bot"
    assert texts.of_them(NOT_STARTED) == "have not started the bot"
    assert texts.of_them(NOT_STAFF) == "are not a registered counselor"
    assert "they have blocked the bot" in texts.patient_untold_note("Alex", BLOCKED)
    assert "they have blocked the bot" in texts.unanswered_untold_admins(
        "Alex", "talked about ending their life", 45, BLOCKED
    )
