"""The caseload's and the patient page's word on urgent alerts: open ones, and those acknowledged lately.

Acknowledge means "I'm on it", not "this person is fine" (newcomer10 N15: a patient with seven crisis alerts in
twenty minutes, all acknowledged from the reminder list, was listed last with no flag, and their page said "No
open flags": a counselor who inherited the caseload could not tell).
"""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import zoned
from bot.texts.crisis import alert_what


def _count(n: int) -> str:
    return f"{n} urgent alert{'s' if n != 1 else ''}"


def alarm(urgent_open: int, lately: int = 0, days: int = 3) -> str:
    """The start of a caseload line: alerts not acknowledged, else those acknowledged in the last ``days``."""
    if urgent_open:
        return f"🚨 {_count(urgent_open)} not acknowledged · "
    return f"🚨 {_count(lately)} in the last {days} days, acknowledged · " if lately else ""


def lately_page_line(count: int, kind: str, at: datetime, days: int = 3) -> str:
    """On the patient page: alerts acknowledged in the last ``days``, the latest named; the words are in
    Timeline."""
    return (
        f"🚨 {_count(count)} in the last {days} days, acknowledged (the latest: {alert_what(kind)}, {zoned(at)}). "
        "What they wrote is in Timeline."
    )
