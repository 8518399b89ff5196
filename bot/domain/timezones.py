"""Time zones from what people type: IANA names, cities worldwide, and common names and abbreviations.

Everything resolves to a region zone with its daylight-saving rules ("EST" → America/New_York, never
the fixed-offset zone Python also calls "EST"); near misses get suggestions instead of a flat "no".
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from zoneinfo import available_timezones

from bot.domain.us_states import AFTER_A_CITY, CODES, STATES, WORDY

# Zones people live in. Fixed offsets ("EST", "Etc/GMT+5") and old aliases ("US/Eastern") are left out.
_REGIONS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")

# Names and abbreviations people use for a zone, each to the region zone (with DST) they mean.
# Ambiguous abbreviations (IST: India, Ireland or Israel; CST: US or China) take the reading most
# patients of a US/UK/Irish/Australian program would mean, and the answer always names the zone chosen.
ALIASES: dict[str, str] = {
    **dict.fromkeys(("eastern", "est", "edt", "et", "eastern time", "us eastern"), "America/New_York"),
    **dict.fromkeys(("central", "cst", "cdt", "ct", "central time", "us central"), "America/Chicago"),
    **dict.fromkeys(("mountain", "mst", "mdt", "mt", "mountain time", "us mountain"), "America/Denver"),
    **dict.fromkeys(("arizona",), "America/Phoenix"),
    **dict.fromkeys(("pacific", "pst", "pdt", "pt", "pacific time", "us pacific"), "America/Los_Angeles"),
    **dict.fromkeys(("alaska", "akst", "akdt"), "America/Anchorage"),
    **dict.fromkeys(("hawaii", "hst"), "Pacific/Honolulu"),
    **dict.fromkeys(("atlantic", "ast", "adt", "nova scotia"), "America/Halifax"),
    **dict.fromkeys(("newfoundland", "nst", "ndt"), "America/St_Johns"),
    **dict.fromkeys(("puerto rico",), "America/Puerto_Rico"),
    **dict.fromkeys(
        ("gmt", "bst", "uk", "united kingdom", "britain", "great britain", "england", "scotland", "wales"),
        "Europe/London",
    ),
    **dict.fromkeys(("ireland", "ist", "northern ireland"), "Europe/Dublin"),
    **dict.fromkeys(("belfast",), "Europe/London"),
    **dict.fromkeys(("cet", "cest", "central european"), "Europe/Paris"),
    **dict.fromkeys(("spain", "españa", "espana"), "Europe/Madrid"),
    **dict.fromkeys(("mexico", "méxico", "ciudad de mexico", "cdmx"), "America/Mexico_City"),
    **dict.fromkeys(("aest", "aedt", "australian eastern"), "Australia/Sydney"),
    **dict.fromkeys(("acst", "acdt"), "Australia/Adelaide"),
    **dict.fromkeys(("awst", "western australia"), "Australia/Perth"),
    **dict.fromkeys(("nzst", "nzdt", "new zealand"), "Pacific/Auckland"),
    **dict.fromkeys(("india",), "Asia/Kolkata"),
    **dict.fromkeys(("jst", "japan"), "Asia/Tokyo"),
    **dict.fromkeys(("canberra",), "Australia/Sydney"),
    **dict.fromkeys(
        ("washington dc", "dc", "boston", "miami", "atlanta", "philadelphia"), "America/New_York"
    ),
    **dict.fromkeys(("dallas", "houston", "austin", "texas", "minneapolis", "nashville"), "America/Chicago"),
    **dict.fromkeys(
        ("california", "san francisco", "seattle", "las vegas", "portland"), "America/Los_Angeles"
    ),
    **dict.fromkeys(("ottawa", "montreal", "montréal", "quebec"), "America/Toronto"),
    **dict.fromkeys(("cork", "galway", "limerick"), "Europe/Dublin"),
    **dict.fromkeys(
        ("manchester", "birmingham", "glasgow", "edinburgh", "cardiff", "leeds"), "Europe/London"
    ),
    **dict.fromkeys(("barcelona", "valencia", "sevilla", "seville"), "Europe/Madrid"),
    **dict.fromkeys(("guadalajara", "puebla"), "America/Mexico_City"),
    # Spanish names people type for the same zones and places.
    **dict.fromkeys(("hora del este", "hora este", "zona este", "costa este"), "America/New_York"),
    **dict.fromkeys(("nueva york", "filadelfia", "florida", "nueva jersey"), "America/New_York"),
    **dict.fromkeys(("hora central", "hora del centro", "zona central", "tejas"), "America/Chicago"),
    **dict.fromkeys(("hora de la montana", "hora montana", "montana", "zona montana"), "America/Denver"),
    **dict.fromkeys(("hora del pacifico", "hora pacifico", "pacifico", "costa oeste"), "America/Los_Angeles"),
    **dict.fromkeys(("san diego", "sacramento", "oakland"), "America/Los_Angeles"),
    **dict.fromkeys(("hora de arizona",), "America/Phoenix"),
    **dict.fromkeys(("hora de mexico", "hora del centro de mexico", "monterrey"), "America/Mexico_City"),
    **dict.fromkeys(("san juan",), "America/Puerto_Rico"),
    **dict.fromkeys(("reino unido", "inglaterra", "londres"), "Europe/London"),
    **dict.fromkeys(("irlanda",), "Europe/Dublin"),
}
# "vivo en Los Ángeles", "I live in Chicago", "near Boston": the place is what follows these words.
_LEAD_IN = frozenset(
    [
        "i",
        "im",
        "m",
        "am",
        "live",
        "living",
        "in",
        "near",
        "close",
        "to",
        "from",
        "the",
        "vivo",
        "estoy",
        "en",
        "cerca",
        "de",
        "soy",
        "hora",
        "zona",
        "horaria",
        # "just moved to denver", "me mudé a bogotá", "ahora vivo en X", "ive been living in X" (newcomer16 N135)
        "just",
        "moved",
        "move",
        "moving",
        "back",
        "recently",
        "now",
        "currently",
        "we",
        "ve",
        "ive",
        "been",
        "ahora",
        "me",
        "mude",
        "mudamos",
        "nos",
        "a",
        "vivimos",
        "actualmente",
        "ya",
    ]
)
# "... last week", "... hace poco": when someone moved, after the place; the place is still the whole answer.
_WHEN = frozenset(
    [
        "this",  # "honolulu this week", "for a while" (newcomer18 N168)
        "a",
        "next",
        "for",
        "while",
        "last",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "ago",
        "recently",
        "now",
        "yesterday",
        "today",
        "few",
        "couple",
        "of",
        "days",
        "la",
        "semana",
        "pasada",
        "pasado",
        "mes",
        "ano",
        "hace",
        "poco",
        "ahora",
        "ayer",
        "hoy",
        "unos",
        "dias",
    ]
)


@dataclass(frozen=True)
class Lookup:
    """What a typed zone means: the zone, or up to three suggestions (region zone names)."""

    zone: str | None
    suggestions: tuple[str, ...] = ()


def _key(text: str) -> str:
    """Compare names loosely: case, accents, spaces, underscores, dots, dashes and apostrophes do not matter."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_.\-'’,!?¿¡]+", " ", plain).strip()


@functools.cache
def region_zones() -> frozenset[str]:
    """Every zone a person may choose."""
    return frozenset(z for z in available_timezones() if z.split("/")[0] in _REGIONS)


@functools.cache
def _names() -> dict[str, str]:
    """Every typed name we understand, loosely keyed, to its zone: full names, cities, then aliases."""
    names: dict[str, str] = {}
    for zone in sorted(region_zones(), key=lambda z: (z.count("/"), z)):  # "America/X" before "America/Y/X"
        names.setdefault(_key(zone), zone)
        names.setdefault(_key(zone.rsplit("/", 1)[-1]), zone)
    names.update({_key(alias): zone for alias, zone in ALIASES.items()})
    names.update({_key(state): zone for state, zone in STATES.items()})
    return names


def _city_and_state(words: list[str], names: dict[str, str], *, last: bool = True) -> str | None:
    """ "salem oregon", "portland maine", "phoenix az": a place followed by its state. The city's own zone when
    it agrees with the state's (we know the city); otherwise the state's, since "Portland" alone means Oregon.
    A postal code needs a city we know (``last``: the words end the text, where "or" may be Oregon)."""
    for cut in range(len(words) - 1, 0, -1):
        tail = " ".join(words[cut:])
        city_zone = names.get(" ".join(words[:cut]))
        state = STATES.get(tail) or AFTER_A_CITY.get(tail)
        if state is None and city_zone is not None and (tail not in WORDY or last):
            state = CODES.get(tail)
        if state is not None:
            return city_zone if city_zone == state else state
    return None


def _place_then_more(words: list[str], names: dict[str, str]) -> str | None:
    """ "im in phoenix az this week for work" (newcomer7 N31): a city and its state anywhere, or a place right
    after the lead-in words, followed by words that are no place. The city must be one we know."""
    for i in range(len(words)):
        for cut in range(i + 1, min(i + 4, len(words))):
            if " ".join(words[i:cut]) not in names:
                continue
            for end in range(min(cut + 3, len(words)), cut, -1):
                if zone := _city_and_state(words[i:end], names, last=end == len(words)):
                    return zone
    start = next((i for i, w in enumerate(words) if w not in _LEAD_IN), len(words))
    if start == 0:
        return None  # no "in", "vivo en" before it: "denver is too cold" is no answer to read this way
    for end in range(min(start + 3, len(words)), start, -1):
        if (place := " ".join(words[start:end])) in names:
            return names[place]
    return None


def _after_last_in(words: list[str], names: dict[str, str]) -> str | None:
    """ "visiting my mom in honolulu this week" (newcomer18 N168): the place after the last "in" / "en", when the
    words after it are a place and when-words only."""
    for i in range(len(words) - 2, -1, -1):
        if words[i] in ("in", "en"):
            rest = words[i + 1 :]
            while len(rest) > 1 and rest[-1] in _WHEN:
                rest = rest[:-1]
            return names.get(" ".join(rest))
    return None


def lookup(text: str, *, sentence: bool = True) -> Lookup:
    """The zone a person means by ``text`` ("London", "eastern", "EST", "America/Chicago"), or suggestions;
    ``sentence=False``: not a place found among other words ("im in phoenix az this week for work"), for
    where words that are more than an answer must reach a person (a crisis alert followed)."""
    key = _key(text)
    if not key or len(key) > 64:
        return Lookup(None)
    names = _names()
    if key in names:
        return Lookup(names[key])
    words = key.split()
    if zone := _city_and_state(words, names):
        return Lookup(zone)
    said = len(words)
    while said > 1 and words[said - 1] in _WHEN:
        said -= 1
    if said < len(words) and (zone := lookup(" ".join(words[:said]), sentence=False).zone):
        return Lookup(zone)  # "just moved to denver last week": a place and when, no more
    for i, word in enumerate(words[:-1]):  # the shortest tail after lead-in words that names a place
        if word not in _LEAD_IN:
            break
        if (place := " ".join(words[i + 1 :])) in names:
            return Lookup(names[place])
        if zone := _city_and_state(words[i + 1 :], names):
            return Lookup(zone)
        key = place  # a near miss is looked for in the place, not in "vivo en"
    if sentence and (zone := _place_then_more(words, names) or _after_last_in(words, names)):
        return Lookup(zone)
    close = difflib.get_close_matches(key, names, n=6, cutoff=0.75)
    suggestions = tuple(dict.fromkeys(names[c] for c in close))[:3]
    return Lookup(None, suggestions)


def city(zone: str) -> str:
    """A zone as a button label: its city ("America/New_York" → "New York")."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")
