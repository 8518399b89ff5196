"""A flag's day and age where the counselor triages: caseload rows and digests (newcomer20 N206: a 3-day-old
unreviewed "worrying words" read the same as today's "running late"). Counselor-only."""

from __future__ import annotations

from datetime import date

from bot.texts.base import day_label


def flag_dated(label: str, day: date | None, today: date) -> str:
    """ "worrying words (Fri 20 Nov, 3 days ago)", "running late (today)"; the label alone when its day is not
    known. Plain text: the caller escapes it with the rest of the line."""
    if day is None:
        return label
    ago = (today - day).days
    if ago <= 0:
        return f"{label} (today)"
    if ago == 1:
        return f"{label} (yesterday)"
    return f"{label} ({day_label(day)}, {ago} days ago)"
