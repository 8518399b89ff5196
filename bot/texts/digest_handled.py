"""The daily digest's line on urgent alerts someone else acknowledged since the last digest (newcomer18 N153).

A counselor back in the morning, or from leave, read "Lucia: can't make it" and nothing of the suicidal words she
wrote last night, because a colleague acknowledged the alert overnight: the digest listed only open alerts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, zoned

# (alias, raised at, what about, acknowledged by, acknowledged at), oldest first
Handled = Sequence[tuple[str, datetime, str, str, datetime]]


def handled_section(handled: Handled, since: datetime, first: bool) -> list[str]:
    """Urgent alerts raised since the last digest (``first``: in the last day) and acknowledged already."""
    if not handled:
        return []
    when = "in the last 24 hours" if first else f"since your last digest ({zoned(since)})"
    lines = [
        f"• {esc(alias)}: {esc(kind)}, {zoned(raised)}; acknowledged by {esc(by)}, {zoned(at)}"
        for alias, raised, kind, by, at in handled
    ]
    return [f"✅ <b>Urgent alerts {when}, acknowledged</b>:", *lines, ""]
