"""Which day a flag is about, and a patient's open flags grouped by kind with their days (newcomer18 N154, N161).

Monday's "can't make it" was listed before Tuesday's group as if Lucia would not come that day, and after a week
Jordan's page read "⚑ Open flags: can't make it, use reported, high craving, …" with no day on any of them. An
answer to a session reminder is about that session: it counts for that session's screen, and until its day is over;
every flag on the page says its day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

RSVP_KINDS = frozenset(
    {"cant_come", "late"}
)  # raised by an answer to a session reminder (bot/handlers/rsvp.py)


def session_of(kind: str, details: Mapping[str, Any]) -> str | None:
    """The occurrence key ("<series>:<local day>") an RSVP flag answered; None for any other flag."""
    occurrence = details.get("occurrence") if kind in RSVP_KINDS else None
    return str(occurrence) if occurrence else None


def session_day(occurrence: str) -> date | None:
    """The local day in an occurrence key, or None when it does not end in one."""
    try:
        return date.fromisoformat(occurrence.rpartition(":")[2])
    except ValueError:
        return None


def flag_day(kind: str, at: datetime, details: Mapping[str, Any], tz: ZoneInfo) -> date:
    """The day a flag is about: an RSVP's session day, else the day it was raised (in ``tz``)."""
    occurrence = session_of(kind, details)
    day = session_day(occurrence) if occurrence else None
    return day or at.astimezone(tz).date()


def counts_now(kind: str, details: Mapping[str, Any], today: date | None, session: str | None) -> bool:
    """Whether a flag counts on a screen about ``session`` (an occurrence key) or about ``today``: an RSVP only for
    its own session, and until its day is over; every other flag always."""
    occurrence = session_of(kind, details)
    if occurrence is None:
        return True
    if session is not None and occurrence != session:
        return False
    day = session_day(occurrence)
    return today is None or day is None or day >= today


def grouped(flags: Iterable[tuple[str, date]]) -> list[tuple[str, tuple[date, ...], int]]:
    """(kind, day) pairs as one row per kind, in the order each kind first came: its distinct days, oldest first,
    and how many flags."""
    days: dict[str, list[date]] = {}
    for kind, day in flags:
        days.setdefault(kind, []).append(day)
    return [(kind, tuple(sorted(set(found))), len(found)) for kind, found in days.items()]
