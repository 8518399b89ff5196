"""Progress numbers from check-in entries: streaks, averages and trends (the wording lives elsewhere)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from bot.domain.checkins import Entry

Trend = Literal["up", "down", "flat", "unknown"]
# Changes smaller than half a point on a 0-10 scale are noise, not a trend worth telling a patient about.
FLAT_BAND = 0.5


def streak(dates: Iterable[date], today: date) -> int:
    """Consecutive days with a check-in ending today, or yesterday while today is not over yet."""
    days = set(dates)
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def days_since(start: date, today: date) -> int:
    """Whole days from start to today (0 on the start day, never negative)."""
    return max(0, (today - start).days)


def window(entries: Iterable[Entry], *, today: date, days: int) -> list[Entry]:
    """Entries from the last `days` local days including today, oldest first."""
    first = today - timedelta(days=days - 1)
    return sorted((e for e in entries if first <= e.local_date <= today), key=lambda e: e.ts)


def _values(entries: Iterable[Entry], item_key: str) -> list[int]:
    # Skipped items (None), notes and booleans are not measurements.
    return [v for e in entries if type(v := e.answers.get(item_key)) is int]


def averages(entries: Iterable[Entry], item_key: str, *, since: date) -> float | None:
    """Mean of an item's answers on or after `since`, or None without any."""
    values = _values((e for e in entries if e.local_date >= since), item_key)
    return sum(values) / len(values) if values else None


def trend(entries: Sequence[Entry], item_key: str, *, today: date, days: int = 7) -> Trend:
    """This period's mean against the previous period's."""
    current = _values(window(entries, today=today, days=days), item_key)
    previous = _values(window(entries, today=today - timedelta(days=days), days=days), item_key)
    if not current or not previous:
        return "unknown"
    delta = sum(current) / len(current) - sum(previous) / len(previous)
    if abs(delta) < FLAT_BAND:
        return "flat"
    return "up" if delta > 0 else "down"


@dataclass(frozen=True)
class ProgressValues:
    """The numbers behind a progress message."""

    days: int
    checkin_days: int
    streak: int
    mood_average: float | None
    craving_average: float | None
    mood_trend: Trend
    craving_trend: Trend
    days_in_program: int | None


def text_summary_values(
    entries: Sequence[Entry], *, today: date, days: int = 7, program_start: date | None = None
) -> ProgressValues:
    """Numbers for the patient's progress message over the last `days` days."""
    recent = window(entries, today=today, days=days)
    since = today - timedelta(days=days - 1)
    return ProgressValues(
        days=days,
        checkin_days=len({e.local_date for e in recent}),
        streak=streak((e.local_date for e in entries), today),
        mood_average=averages(recent, "mood", since=since),
        craving_average=averages(recent, "craving", since=since),
        mood_trend=trend(entries, "mood", today=today, days=days),
        craving_trend=trend(entries, "craving", today=today, days=days),
        days_in_program=days_since(program_start, today) if program_start else None,
    )
