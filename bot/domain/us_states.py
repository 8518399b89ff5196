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
_CODES = {
    "ct": "connecticut", "de": "delaware", "fl": "florida", "ga": "georgia", "me": "maine", "md": "maryland",
    "ma": "massachusetts", "nh": "new hampshire", "nj": "new jersey", "ny": "new york", "nc": "north carolina",
    "oh": "ohio", "pa": "pennsylvania", "ri": "rhode island", "sc": "south carolina", "vt": "vermont",
    "va": "virginia", "wv": "west virginia", "mi": "michigan", "in": "indiana", "ky": "kentucky",
    "al": "alabama", "ar": "arkansas", "il": "illinois", "ia": "iowa", "ks": "kansas", "la": "louisiana",
    "mn": "minnesota", "ms": "mississippi", "mo": "missouri", "ne": "nebraska", "nd": "north dakota",
    "ok": "oklahoma", "sd": "south dakota", "tn": "tennessee", "tx": "texas", "wi": "wisconsin",
    "co": "colorado", "mt": "montana", "nm": "new mexico", "ut": "utah", "wy": "wyoming", "id": "idaho",
    "az": "arizona", "ca": "california", "nv": "nevada", "or": "oregon", "wa": "washington state",
    "ak": "alaska", "hi": "hawaii",
}  # fmt: skip
# Only after a city: "seattle washington" is the state, bare "washington" may be the capital.
AFTER_A_CITY: dict[str, str] = {"washington": "America/Los_Angeles"}
# A state's postal code after a city we know ("phoenix az", newcomer7 N31: how people write it). Never alone,
# and those that are words too ("in", "me", "or", "ok") only as the last word: "chicago in the suburbs".
CODES: dict[str, str] = {code: STATES[state] for code, state in _CODES.items()} | {"dc": "America/New_York"}
WORDY = frozenset(
    {"in", "me", "or", "ok", "hi", "oh", "la", "de", "al", "co", "id", "ma", "pa", "mi", "mo", "ne"}
)
