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
        words = f"<blockquote>{esc(_cut(text))}</blockquote>" if text else "<i>(no words)</i>"
        blocks.append(f"<b>{zoned(at)}</b> · {esc(what)}\n{words}")
    title = f"<b>{esc(alias)}</b>: what they wrote, last {TIMELINE_DAYS} days, oldest first"
    return pages(title, blocks or [NO_TIMELINE])


def _cut(text: str, limit: int = 1500) -> str:
    return text if len(text) <= limit else text[:limit] + " … (cut)"
