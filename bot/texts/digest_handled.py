"""The daily digest's line on urgent alerts someone else acknowledged since the last digest (newcomer18 N153).

A counselor back in the morning, or from leave, read "Lucia: can't make it" and nothing of the suicidal words she
wrote last night, because a colleague acknowledged the alert overnight: the digest listed only open alerts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, zoned

# (alias, raised at, what about, acknowledged by, acknowledged at, the note on what was done)
Handled = Sequence[tuple[str, datetime, str, str, datetime, str]]


def handled_section(handled: Handled, since: datetime, first: bool) -> list[str]:
    """Urgent alerts acknowledged since the last digest (``first``: in the last day), whenever raised, each with
    the note on what was done when there is one (newcomer20 N194, N199)."""
    if not handled:
        return []
    when = "in the last 24 hours" if first else f"since your last digest ({zoned(since)})"
    lines = [
        f"• {esc(alias)}: {esc(kind)}, {zoned(raised)}; acknowledged by {esc(by)}, {zoned(at)}"
        + (f"\n   📝 {esc(note)}" if note else "")
        for alias, raised, kind, by, at, note in handled
    ]
    return [f"✅ <b>Urgent alerts acknowledged {when}</b>:", *lines, ""]


def waiting_section(waiting: Sequence[tuple[str, int, datetime]]) -> list[str]:
    """Patients whose messages nobody has answered yet (newcomer20 N194), oldest first."""
    if not waiting:
        return []
    lines = [
        f"• {esc(alias)}: "
        + (f"{count} messages, the first" if count > 1 else "1 message,")
        + f" {zoned(at)}"
        for alias, count, at in waiting
    ]
    return [f"💬 <b>Messages waiting for an answer</b> ({len(waiting)}):", *lines, ""]
