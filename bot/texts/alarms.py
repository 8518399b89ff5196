"""The caseload's and the patient page's word on urgent alerts: open ones, and those acknowledged lately.

Acknowledge means "I'm on it", not "this person is fine" (newcomer10 N15: a patient with seven crisis alerts in
twenty minutes, all acknowledged from the reminder list, was listed last with no flag, and their page said "No
open flags": a counselor who inherited the caseload could not tell).
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.texts.base import span, zoned
from bot.texts.crisis import alert_what

# The card's hint at its own button, out of place on the caseload and the pre-group screen, which have none
# (newcomer20 N207: "(wrote …; what about is not clear (read them: Show message); open 2 min)").
# newcomer22 N271: also "…; it may be their own too: read them, Show message)".
_BUTTON_HINT = re.compile(
    r"(?:; |: | \()(?:read them|read their words|what they wrote|the answers)[:,] Show message\)?"
)


def _screen_what(kind: str) -> str:
    return _BUTTON_HINT.sub(
        lambda m: ")" if m.group().startswith((";", ":")) and m.group().endswith(")") else "",
        alert_what(kind),
    )


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
            (_screen_what(gravest) if urgent_open == 1 else f"the gravest: {_screen_what(gravest)}")
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
        f"🚨 {_count(count)} in the last {days} days, acknowledged (the latest: {_screen_what(kind)}, {zoned(at)}). "
        "What they wrote is in Timeline."
    )
