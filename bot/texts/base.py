"""Shared formatting for every text: escaping, clock times, bullets."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from html import escape

MAX_MESSAGE = 4096


def esc(text: str) -> str:
    """Escape person-supplied text for HTML parse mode."""
    return escape(text, quote=False)


def clock(at: time) -> str:
    """A time of day as people read it: 7:00 PM."""
    return at.strftime("%I:%M %p").lstrip("0")


def bullet_lines(lines: Sequence[str]) -> str:
    """Lines as a bulleted block."""
    return "\n".join(f"• {esc(line)}" for line in lines)
