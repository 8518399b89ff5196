"""The caseload as Telegram messages: its title and its pages (split from counselor.py).

Counselor-facing (English, the team's language)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import MAX_MESSAGE


def caseload_screen(lines: Sequence[str]) -> str:
    """The caseload, most urgent first."""
    return _caseload_title(len(lines)) + "\n\n" + "\n".join(lines)


def _caseload_title(count: int, continued: bool = False) -> str:
    return f"<b>Your caseload</b> ({count}), " + ("continued:" if continued else "most urgent first:")


def caseload_pages(lines: Sequence[str], per_page: int = 40) -> list[tuple[str, int, int]]:
    """The caseload as messages Telegram accepts (newcomer7 finding N30: 36 patients passed 4,096 characters
    and /caseload answered "something went wrong"): (text, first row, end row) each, whole lines, at most
    ``per_page`` rows (one button each) a message."""
    out: list[tuple[str, int, int]] = []
    start = 0
    while start < len(lines) or not out:
        title = _caseload_title(len(lines), continued=bool(out))
        end, size = start, len(title) + 2
        while (
            end < len(lines)
            and end - start < per_page
            and (end == start or size + len(lines[end]) + 1 < MAX_MESSAGE - 50)
        ):
            size += len(lines[end]) + 1
            end += 1
        out.append((title + "\n\n" + "\n".join(lines[start:end]), start, end))
        start = end
    return out
