"""A patient's long text cut into pieces that each fit one counselor message (no I/O)."""

from __future__ import annotations


def parts(text: str, room: int) -> list[str]:
    """A text cut into pieces that each fit one counselor message (at line breaks or spaces if possible)."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > room:
        cut = max(rest.rfind("\n", 0, room), rest.rfind(" ", 0, room))
        cut = cut if cut > room // 2 else room
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest else pieces
