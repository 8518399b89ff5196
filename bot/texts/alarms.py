"""The caseload's and the patient page's word on urgent alerts: open ones, and those acknowledged lately.

Acknowledge means "I'm on it", not "this person is fine" (newcomer10 N15: a patient with seven crisis alerts in
twenty minutes, all acknowledged from the reminder list, was listed last with no flag, and their page said "No
open flags": a counselor who inherited the caseload could not tell).
"""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import span, zoned
from bot.texts.crisis import alert_what


def _count(n: int) -> str:
    return f"{n} urgent alert{'s' if n != 1 else ''}"


def alarm(
    urgent_open: int, lately: int = 0, days: int = 3, gravest: str = "", minutes: int | None = None
) -> str:
    """The start of a caseload line: alerts not acknowledged, else those acknowledged in the last ``days``.
    ``gravest``: the gravest open alert's kind, ``minutes``: how long the oldest has been open; a counselor
    scanning the list reads what is happening and since when, not only a count (newcomer16 N126)."""
    if urgent_open:
        what = (
            (alert_what(gravest) if urgent_open == 1 else f"the gravest: {alert_what(gravest)}")
            if gravest
            else ""
        )
        age = (
            ""
            if minutes is None
            else f"open {span(max(0, minutes))}"
            if urgent_open == 1
            else f"oldest open {span(max(0, minutes))}"
        )
        said = "; ".join(p for p in (what, age) if p)
        return f"🚨 {_count(urgent_open)} not acknowledged{f' ({said})' if said else ''} · "
    return f"🚨 {_count(lately)} in the last {days} days, acknowledged · " if lately else ""


def lately_page_line(count: int, kind: str, at: datetime, days: int = 3) -> str:
    """On the patient page: alerts acknowledged in the last ``days``, the latest named; the words are in
    Timeline."""
    return (
        f"🚨 {_count(count)} in the last {days} days, acknowledged (the latest: {alert_what(kind)}, {zoned(at)}). "
        "What they wrote is in Timeline."
    )
