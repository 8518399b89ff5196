"""The hand-back on a counselor's first morning back from away (newcomer20 N201): to them and to their cover, what
happened with their patients meanwhile and what is still open (counselor-only: no patient reads these)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import MAX_MESSAGE, esc, zoned

# (alias, what about, raised, acknowledged by or None while open, acknowledged at, the note on what was done)
HandedAlert = tuple[str, str, datetime, str | None, datetime | None, str]


def hand_back(
    counselor: str,
    cover: str | None,
    since: datetime | None,
    alerts: Sequence[HandedAlert],
    waiting: Sequence[tuple[str, int, datetime]],
    *,
    to_cover: bool,
) -> str:
    """To the counselor back (``to_cover`` False) or to their cover, whose cover has ended."""
    during = f" (since {zoned(since)})" if since else ""
    if to_cover:
        head = (
            f"✅ <b>Your cover for {esc(counselor)} has ended</b>: they are back today, and their patients' alerts "
            f"and messages go to them first again. What happened while you covered{during}; they have this too:"
        )
    else:
        who = f"<b>{esc(cover)}</b> covered for you" if cover else "the on-call counselors stood in"
        head = (
            f"👋 <b>Welcome back.</b> While you were away{during}, {who}. What happened with your patients:"
        )
    lines = [head, ""]
    if alerts:
        lines.append(f"🚨 <b>Alerts</b> ({len(alerts)}):")
        for alias, kind, raised, by, at, note in alerts:
            done = (
                f"acknowledged by {esc(by)}, {zoned(at)}"
                if by is not None and at is not None
                else "<b>still not acknowledged</b>"
            )
            lines.append(f"• {esc(alias)}: {esc(kind)}, {zoned(raised)}; {done}")
            if note:
                lines.append(f"   📝 {esc(note)}")
        lines.append("")
    if waiting:
        lines.append(f"💬 <b>Messages waiting for an answer</b> ({len(waiting)}):")
        lines += [
            f"• {esc(alias)}: "
            + (f"{count} messages, the first" if count > 1 else "1 message,")
            + f" {zoned(at)}"
            for alias, count, at in waiting
        ]
        lines.append("")
    if not alerts and not waiting:
        lines += ["No alerts, and no message waits for an answer.", ""]
    tail = "Open flags and each patient's page: /caseload."
    text = "\n".join([*lines, tail])
    while len(text) > MAX_MESSAGE and len(lines) > 3:  # whole lines only, within one message
        lines.pop()
        text = "\n".join([*lines, "… (more on /caseload)", tail])
    return text
