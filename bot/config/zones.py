"""The program's time zone as settings take it: an IANA Area/City name, never an abbreviation."""

from __future__ import annotations

import difflib
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def iana_zone(value: str) -> str:
    """``value`` when it names a place's zone; ValueError saying what to give instead."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{value!r} is not an IANA time zone ({_zone_hint(value)})") from None
    if "/" not in value and value != "UTC":
        # newcomer11 O16: "EST" is a fixed UTC-5 with no daylight saving, so a New York program's sessions ran an
        # hour off from March to November. Abbreviations and POSIX names (EST5EDT) are refused for an Area/City.
        raise ValueError(
            f"{value!r} is an abbreviation or a fixed offset, not a place's time zone ({_zone_hint(value)})"
        )
    return value


def _zone_hint(value: str) -> str:
    """ "did you mean America/Chicago?" for "Chicago" or "america/chicago", else an example."""
    city = value.strip().replace(" ", "_").casefold()
    zones = {z for z in available_timezones() if "/" in z}  # a suggestion is a place's zone, never "EST"
    # newcomer13 O46: "america/chicago" had no suggestion while "Chicago" had one.
    found = sorted(z for z in zones if z.casefold() == city)
    found = found or sorted(z for z in zones if "/" in z and z.rsplit("/", 1)[1].casefold() == city)
    # newcomer14 N111: a typo ("America/Chicgo") had no suggestion while an unknown key had one.
    folded = {z.casefold(): z for z in zones}
    found = found or [folded[z] for z in difflib.get_close_matches(city, list(folded), n=1, cutoff=0.85)]
    return f"did you mean {found[0]}?" if found else "an Area/City name, e.g. America/New_York"
