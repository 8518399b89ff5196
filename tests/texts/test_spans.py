"""Durations as people read them (newcomer6 finding 22: "3252 min open")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot import texts
from bot.texts.base import span


def test_spans() -> None:
    assert [span(m) for m in (0, 45, 60, 192, 1440, 3252, -3)] == [
        "0 min", "45 min", "1 h", "3 h 12 min", "1 d", "2 d 6 h", "0 min",
    ]  # fmt: skip


def test_a_reminder_line_reads_days_and_hours() -> None:
    at = datetime(2026, 11, 28, 9, 0, tzinfo=ZoneInfo("America/Denver"))
    line = texts.reminder_line("not_safe", "Dev", at, 3252, again=2)
    assert "(2 d 6 h open)" in line and "min open" not in line
    assert "said they are <b>not safe</b> right now (3 times)" in line
