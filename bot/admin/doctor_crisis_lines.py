"""`iop-bot doctor`'s crisis-lines line: the directory parses, and every number was checked within a year."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.domain.crisis_lines import FILE, STALE_DAYS, Directory, load_crisis_lines

_NUMBER = re.compile(r"\d{3,}")  # a phone or text number: 911, 988, 741741, 1-800-...
_EMERGENCY = ("immediate danger", "peligro inmediato", "emergenc")  # how the shipped emergency lines read


def crisis_lines_check(settings: Settings, today: date | None = None) -> Iterable[Finding]:
    """`iop-bot doctor`: the directory parses, and no number was last checked more than a year ago."""
    try:
        directory = load_crisis_lines(settings.data_files.get(FILE))
    except (OSError, ValueError) as exc:
        yield Finding("crisis lines", False, str(exc))
        return
    yield from _overrides(settings, directory)
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


def _overrides(settings: Settings, directory: Directory) -> Iterable[Finding]:
    """A program's own [crisis.<locale>] lines with no number at all, or without the locale's emergency number
    (newcomer11 O19: `lines = ["Call your mom"]` passed, and every crisis answer there carried no number)."""
    for key, resources in settings.crisis.items():
        shipped = directory.locales.get(key)
        if shipped is not None and tuple(resources.lines) == tuple(shipped.lines):
            continue  # the shipped lines, not an override
        if not any(_NUMBER.search(line) for line in resources.lines):
            yield Finding(
                "crisis lines",
                False,
                f"[crisis.{key}] lines name no phone number: every crisis answer there would carry none; list "
                "the crisis and emergency numbers (or remove the block to use the shipped ones)",
            )
            continue
        emergency = (
            [line for line in shipped.lines if any(e in line.lower() for e in _EMERGENCY)] if shipped else []
        )
        numbers = [n for line in emergency[:1] for n in _NUMBER.findall(line)]
        if numbers and not any(numbers[0] in line for line in resources.lines):
            yield Finding(
                "crisis lines",
                False,
                f"[crisis.{key}] lines leave out {numbers[0]}, the emergency number: someone in danger now would "
                f"not be told to call it; add a line such as {emergency[0]!r}",
            )
