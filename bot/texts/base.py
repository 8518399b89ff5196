"""Shared formatting for every text: escaping, clock times, bullets."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from html import escape

MAX_MESSAGE = 4096
# Bidi overrides/isolates (U+202A-E, U+2066-9) can make a line read backwards ("Trojan Source"), and
# control characters other than tab and line breaks have no business on a screen: both are dropped.
_CONTROLS = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
_INVISIBLE = dict.fromkeys([*_CONTROLS, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def esc(text: str) -> str:
    """Escape person-supplied text for HTML parse mode, without characters that disguise it."""
    return escape(text.translate(_INVISIBLE), quote=False)


def clock(at: time) -> str:
    """A time of day as people read it: 7:00 PM."""
    return at.strftime("%I:%M %p").lstrip("0")


def day_label(day: date) -> str:
    """A day as counselors read it everywhere: Sun 29 Nov (never "Sun, Nov 29" in one text and this in another)."""
    return f"{day:%a} {day.day} {day:%b}"


def stamp(at: datetime) -> str:
    """A day and time as people read them: Sun 29 Nov 3:00 AM."""
    return f"{day_label(at)} {clock(at.time())}"


def zone_name(at: datetime) -> str:
    """The zone a time is shown in: "EST", "CET"; "UTC-03:00" where the zone has no letters."""
    name = at.tzname() or ""
    if name.isalpha():
        return name
    offset = at.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zoned(at: datetime) -> str:
    """A day and time with its zone, for counselors whose patients live in other zones: Sun 29 Nov 3:00 AM EST."""
    return f"{stamp(at)} {zone_name(at)}"


def zoned_late(at: datetime, written: datetime | None) -> str:
    """ "Mon 30 Nov 7:05 AM EST", or, for words that reached the counselor late (gaps11 #9: stamped with the
    time they went, they read as just now), when they were written and how much later they came."""
    if written is None:
        return zoned(at)
    minutes = max(int((at - written).total_seconds() // 60), 0)
    return f"<b>{zoned(written)}</b> (⏳ it reached you {span(minutes)} later, {zoned(at)})"


def span(minutes: int) -> str:
    """A length of time as a person reads it: "45 min", "3 h 12 min", "2 d 6 h" (never "3252 min")."""
    minutes = max(minutes, 0)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def bullet_lines(lines: Sequence[str]) -> str:
    """Lines as a bulleted block."""
    return "\n".join(f"• {esc(line)}" for line in lines)


# A check-in question with no answer (skipped, or not asked that day): never "skipped", which next to
# "medication" reads like a missed dose. The patient page, /mydata and the CSV export all say this.
NOT_ANSWERED = "not answered"

# A second tap on the same button: answered on the button, nothing done twice.
TAPPED_ALREADY = "Got that already."
TAPPED_ALREADY_ES = "Eso ya lo tengo."


def pick(language: str, english: str, spanish: str) -> str:
    """The text in the patient's language: Spanish for "es", English for anything else."""
    return spanish if language == "es" else english


def clock_in(at: time, language: str) -> str:
    """A time of day as the patient reads it: 7:00 PM, or 19:00 in Spanish."""
    return at.strftime("%H:%M") if language == "es" else clock(at)
