"""The next morning's word about urgent alerts nobody acknowledged by their last reminder (newcomer20 N200): after
it nothing was sent again; 2½ days later only a digest line and `doctor` knew of Drew's, and nobody had reached him."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, span, zoned
from bot.texts.crisis import alert_what

__all__ = ["stale_alerts"]


def stale_alerts(items: Sequence[tuple[str, str, datetime, int]]) -> str:
    """(alias, kind, raised, minutes open) of each: reach them, then acknowledge it (HTML)."""
    n = len(items)
    lines = [
        f"🚨 {n} urgent alert{'s' if n != 1 else ''} still open, past the last reminder, nobody has acknowledged "
        f"{'them' if n != 1 else 'it'}:"
    ]
    lines += [
        f"• <b>{esc(alias)}</b> {alert_what(kind)}, {zoned(raised)} ({span(minutes)} open)"
        for alias, kind, raised, minutes in items
    ]
    lines.append(
        "Reach them now if nobody has, and acknowledge it on their page (/caseload) with what was done. "
        "This comes once a day while it stays open."
    )
    return "\n".join(lines)
