"""Everyday words for the check-in's answers, read as the buttons are (newcomer6 finding 3).

"barely slept tbh" is Poor, "nope" is No, "idk maybe 6?" is 6: a patient typing on a phone hedges, and a re-ask
for each hedge ("Please tap one of the options") kept every try as a note on the counselor's page. Only short
answers that are nothing else count; anything longer is re-asked as before. Matched on folded text (lower case,
accents and end punctuation gone: `checkin_items._fold`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Words around an answer that change nothing: "idk maybe 6", "honestly no", "barely slept tbh".
HEDGE_LEAD = r"(?:idk|dunno|i dont know|i don t know|honestly|tbh|hmm+|um+|uh+|well|ok so|no se|pues|la verdad|la neta)"
HEDGE_TAIL = r"(?:tbh|honestly|lol|idk|ngl|fr|la verdad|la neta|jaja|haha)"
_STRIP = re.compile(rf"^(?:{HEDGE_LEAD}\s+)*(?P<core>.+?)(?:\s+{HEDGE_TAIL})*$")

# Sleep, by the label each phrase means (the labels as folded: English and Spanish both listed in the TOML).
_SLEEP = {
    "poor": (
        r"(?:i )?(?:barely|hardly|didn t|didnt|did not|couldn t|couldnt|could not) (?:slept|sleep)(?: at all)?",
        r"(?:no|not much|little|very little) sleep",
        r"not (?:much|well|great|good|really)",
        r"(?:really |very |pretty )?(?:bad|badly|terrible|terribly|awful|horrible|rough|crap|like crap)",
        r"(?:casi )?no (?:dormi|pude dormir)(?: nada)?",
        r"(?:dormi )?(?:muy |bien )?(?:mal|fatal|pesimo|horrible|poco)",
    ),
    "ok": (
        r"okay|ok ish|okish|alright|all right|so so|meh|fine|decent|not bad|not too bad|could be better",
        r"mas o menos|asi asi|normal|(?:dormi )?regular|ni bien ni mal",
    ),
    "good": (
        r"(?:slept )?(?:really |very |pretty )?(?:well|great|good|amazing)|like a (?:baby|rock|log)",
        r"(?:dormi )?(?:muy |super )?(?:bien|excelente)|de maravilla",
    ),
}
# Yes and no, for the questions whose buttons are Yes / No.
_YES_NO = {
    "no": (r"nope|nop|nah|nel|no way|not at all|not today|para nada|negative",),
    "yes": (r"yeah|yea|yep|yup|sure|i did|yes i did|si lo hice|simon|afirmativo",),
}

# Use since the last check-in: "nothing", "stayed clean".
_USED = {"no": (r"nothing|none|nada|not a thing|(?:stayed |still )?(?:clean|sober|limpi[oa])",)}


def _compile(table: Mapping[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    return {label: re.compile("|".join(f"(?:{p})" for p in phrases)) for label, phrases in table.items()}


_BY_ITEM = {"sleep": _compile(_SLEEP), "used": _compile(_USED)}
_YES_NO_RE = _compile(_YES_NO)


def unhedged(folded: str) -> str:
    """The answer with the hedging words around it dropped ("idk maybe 6" -> "maybe 6")."""
    found = _STRIP.fullmatch(folded)
    return found["core"] if found else folded


def said_as(item_key: str, folded: str) -> str | None:
    """The (folded, English) label an everyday answer means for this item, or None."""
    core = unhedged(folded)
    for table in (_BY_ITEM.get(item_key, {}), _YES_NO_RE):
        for label, pattern in table.items():
            if pattern.fullmatch(core):
                return label
    return None
