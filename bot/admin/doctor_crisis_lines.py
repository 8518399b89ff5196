"""`iop-bot doctor`'s crisis-lines line: the directory parses, and every number was checked within a year."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.domain.crisis_lines import FILE, STALE_DAYS, load_crisis_lines


def crisis_lines_check(settings: Settings, today: date | None = None) -> Iterable[Finding]:
    """`iop-bot doctor`: the directory parses, and no number was last checked more than a year ago."""
    try:
        directory = load_crisis_lines(settings.data_files.get(FILE))
    except (OSError, ValueError) as exc:
        yield Finding("crisis lines", False, str(exc))
        return
    today = today or datetime.now().date()
    stale = [
        f"{loc.name} {c.number} ({c.checked})"
        for loc in directory.locales.values()
        for c in loc.checks
        if (today - c.checked).days > STALE_DAYS
    ]
    if stale:
        yield Finding("crisis lines", False, f"checked more than a year ago, re-check: {', '.join(stale)}")
    else:
        yield Finding(
            "crisis lines", True, f"{len(directory.locales)} locales, every number checked within a year"
        )
