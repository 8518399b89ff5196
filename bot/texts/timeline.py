"""The patient's timeline, for their counselor (behind the PIN, like every page that shows words)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, zoned
from bot.texts.counselor import pages

BTN_TIMELINE = "Timeline"
TIMELINE_DAYS = 30
_WHAT = {"checkin": "Check-in", "check": "Worrying words", "message": "Message to their counselor"}
NO_TIMELINE = f"Nothing written in the last {TIMELINE_DAYS} days."


def timeline_pages(alias: str, moments: Sequence[tuple[datetime, str, str, str]]) -> list[str]:
    """(when, kind, alert label, words) each, oldest first, in as many messages as it takes."""
    blocks = []
    for at, kind, label, text in moments:
        what = f"🚨 {label}" if kind == "alert" else _WHAT.get(kind, kind)
        if kind == "note":  # newcomer16 N139
            what = f"📝 What was done, on acknowledging the alert ({label})"
        head = f"<b>{zoned(at)}</b> · {esc(what)}"
        if not text:
            blocks.append(f"{head}\n<i>(no words)</i>")
            continue
        # Whole, over as many blocks as it takes (newcomer finding 10-24: a long message was cut before the
        # crisis sentence at its end, so no counselor could read it anywhere).
        parts = _parts(text)
        for n, part in enumerate(parts, 1):
            more = f" (part {n} of {len(parts)})" if len(parts) > 1 else ""
            blocks.append(f"{head}{more}\n<blockquote>{esc(part)}</blockquote>")
    title = f"<b>{esc(alias)}</b>: what they wrote, last {TIMELINE_DAYS} days, oldest first"
    return pages(title, blocks or [NO_TIMELINE])


def _parts(text: str, room: int = 1200) -> list[str]:
    """The text in pieces of at most ``room`` characters, cut at a space where one is near (escaped, a piece
    may grow: room is well under a message)."""
    pieces, rest = [], text
    while len(rest) > room:
        cut = rest.rfind(" ", 0, room)
        cut = cut if cut > room // 2 else room
        pieces.append(rest[:cut])
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest else pieces
