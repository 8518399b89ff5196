"""US states to the zone most of each keeps, for time zones typed as "Salem, Oregon" (timezones.py)."""

from __future__ import annotations

# US states (and their Spanish names) to the zone most of the state keeps: "Salem, Oregon", "portland
# oregon". A state split between zones takes its larger part; the answer names the zone chosen, and the
# patient can change it. Bare "washington" is left out (the capital or the state); "washington state" is in.
STATES: dict[str, str] = {
    **dict.fromkeys(
        (
            "connecticut",
            "delaware",
            "florida",
            "georgia",
            "maine",
            "maryland",
            "massachusetts",
            "new hampshire",
            "new jersey",
            "new york",
            "north carolina",
            "ohio",
            "pennsylvania",
            "rhode island",
            "south carolina",
            "vermont",
            "virginia",
            "west virginia",
            "nueva jersey",
            "nueva york",
            "carolina del norte",
            "carolina del sur",
            "pensilvania",
            "virginia occidental",
        ),
        "America/New_York",
    ),
    **dict.fromkeys(("michigan",), "America/Detroit"),
    **dict.fromkeys(("indiana",), "America/Indiana/Indianapolis"),
    **dict.fromkeys(("kentucky",), "America/Kentucky/Louisville"),
    **dict.fromkeys(
        (
            "alabama",
            "arkansas",
            "illinois",
            "iowa",
            "kansas",
            "louisiana",
            "minnesota",
            "mississippi",
            "missouri",
            "nebraska",
            "north dakota",
            "oklahoma",
            "south dakota",
            "tennessee",
            "texas",
            "wisconsin",
            "tejas",
            "luisiana",
            "misuri",
            "dakota del norte",
            "dakota del sur",
        ),
        "America/Chicago",
    ),
    **dict.fromkeys(
        ("colorado", "montana", "new mexico", "utah", "wyoming", "nuevo mexico"), "America/Denver"
    ),
    **dict.fromkeys(("idaho",), "America/Boise"),
    **dict.fromkeys(("arizona",), "America/Phoenix"),
    **dict.fromkeys(
        ("california", "nevada", "oregon", "washington state", "estado de washington"), "America/Los_Angeles"
    ),
    **dict.fromkeys(("alaska",), "America/Anchorage"),
    **dict.fromkeys(("hawaii", "hawai"), "Pacific/Honolulu"),
}
# Only after a city: "seattle washington" is the state, bare "washington" may be the capital.
AFTER_A_CITY: dict[str, str] = {"washington": "America/Los_Angeles"}
