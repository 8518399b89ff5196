"""Everyday words for the check-in's answers, read as the buttons are (newcomer6 finding 3).

"barely slept tbh" is Poor, "nope" is No, "idk maybe 6?" is 6: a patient typing on a phone hedges, and a re-ask
for each hedge ("Please tap one of the options") kept every try as a note on the counselor's page. Only short
answers that are nothing else count; anything longer is re-asked as before. Matched on folded text (lower case,
accents and end punctuation gone: `checkin_items.fold`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Words around an answer that change nothing: "idk maybe 6", "honestly no", "barely slept tbh".
# "meh 3", "ugh 2" (newcomer14 N99): a sound before the number is no answer of its own.
HEDGE_LEAD = r"(?:eh+|meh+|ugh+|bleh+|blah+|sigh|oof|uff+|pff+|ay+|idk|dunno|i dont know|i don t know|honestly|tbh|hmm+|um+|uh+|well|ok so|no se|pues|la verdad|la neta)"
# "slept ok i guess", "bien creo" (newcomer18 N156).
HEDGE_TAIL = (
    r"(?:tbh|honestly|lol|idk|ngl|fr|la verdad|la neta|jaja|haha|i guess|i think|i suppose|creo|supongo)"
)
_STRIP = re.compile(rf"^(?:{HEDGE_LEAD}\s+)*(?P<core>.+?)(?:\s+{HEDGE_TAIL})*$")

# "slept like crap", "dormí fatal": the question's own verb before the answer changes nothing (newcomer7 N11).
_SLEPT = r"(?:(?:i )?slept |sleep was |my sleep was |dormi |durmi )?"
# Sleep, by the label each phrase means (the labels as folded: English and Spanish both listed in the TOML).
_SLEEP = {
    "poor": (
        r"(?:really |very |pretty )?(?:poorly|poor|like shit|shit|like hell)",
        r"(?:i )?(?:barely|hardly|didn t|didnt|did not|couldn t|couldnt|could not) (?:slept|sleep)(?: at all)?",
        r"(?:no|not much|little|very little) sleep",
        r"not (?:much|well|great|good|really)",
        r"(?:really |very |pretty )?(?:bad|badly|terrible|terribly|awful|horrible|rough|crap|like crap)",
        r"(?:casi )?no (?:dormi|pude dormir)(?: nada)?",
        r"(?:dormi )?(?:muy |bien )?(?:mal|fatal|pesimo|horrible|poco)",
    ),
    "ok": (
        r"ok|okay|ok ish|okish|alright|all right|so so|meh|fine|decent|not bad|not too bad|could be better",
        r"mas o menos|asi asi|normal|(?:dormi )?regular|ni bien ni mal",
    ),
    "good": (
        r"(?:slept )?(?:really |very |pretty )?(?:well|great|good|amazing)|like a (?:baby|rock|log)",
        # "dormí como bebé", "como piedra" (newcomer10 N30: relayed to two counselors as a crisis follow-up).
        r"como (?:un |una )?(?:bebe|piedra|tronco|liron|angelito|oso)",
        r"(?:dormi )?(?:muy |super )?(?:bien|excelente)|de maravilla",
    ),
}
# Yes and no, for the questions whose buttons are Yes / No.
_YES_NO = {
    "no": (r"no|nope|nop|nah|naw|nel|no way|not at all|not today|para nada|negative|no no|nel pastel",),
    "yes": (
        r"yes|yeah|yea|yeh|yep|yup|yus|sure|i did|yes i did|of course|ofc|yes maam|yes sir|"
        r"si|sip|sipi|simon|claro|claro que si|por supuesto|obvio|aja|si lo hice|afirmativo",
    ),
}

# Use since the last check-in: "nothing", "stayed clean".
# "im clean", "sigo limpio" (newcomer10 N30).
_CLEAN = r"(?:clean|sober|limpi[oa]|sobri[oa])"
_USED = {
    "no": (
        rf"nothing|none|nada|not a thing|(?:i m |im |i'm |i am |estoy |sigo |i ve |ive |i've )?(?:stayed |still )?{_CLEAN}",
    )
}

# Taking one's medication, said without a yes ("took em", "me las tomé"): the medication question's yes.
TOOK = r"(?:i )?(?:already )?took (?:them|em|'em|it|my (?:meds|pills|medication)|those|all of them)|(?:ya )?(?:me )?(?:las|los|la|lo) tome"
_MEDICATION = {"yes": (TOOK,)}


def _compile(table: Mapping[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    return {label: re.compile("|".join(f"(?:{p})" for p in phrases)) for label, phrases in table.items()}


_BY_ITEM = {"sleep": _compile(_SLEEP), "used": _compile(_USED), "medication": _compile(_MEDICATION)}
_YES_NO_RE = _compile(_YES_NO)


def unhedged(folded: str) -> str:
    """The answer with the hedging words around it dropped ("idk maybe 6" -> "maybe 6")."""
    found = _STRIP.fullmatch(folded)
    return found["core"] if found else folded


def said_as(item_key: str, folded: str) -> str | None:
    """The (folded, English) label an everyday answer means for this item, or None. An answer said twice over
    ("no nada", "yeah took em", "nope not today": newcomer7 N11) is that answer when both halves agree."""
    core = unhedged(folded)
    found = _said(item_key, core)
    if found is None and " " in core:
        first, rest = core.split(" ", 1)
        found = _said(item_key, first)
        found = found if found is not None and _said(item_key, rest) == found else None
    return found


def _said(item_key: str, core: str) -> str | None:
    if item_key == "sleep":
        core = re.sub("^" + _SLEPT, "", core)
    for table in (_BY_ITEM.get(item_key, {}), _YES_NO_RE):
        for label, pattern in table.items():
            if pattern.fullmatch(core):
                return label
    return None


# What a patient calls a scale's subject before its number: "craving is prob 7", "ganas como un 3", "mood's like
# a 6" (newcomer7 N11). Only the asked item's own subject is dropped: "craving is 7" at the mood question names
# another question and is not taken as the mood.
_SUBJECT = {
    "mood": r"(?:my |mi )?(?:mood|estado de animo|animo)",
    "craving": r"(?:my |mis |las |the )?(?:cravings?|urges?|ganas|ansias|antojos?)",
}
_LINK = r"(?:\s+(?:is|are|s|re|at|es|son|estan|esta|en|like|tipo|around|about|right now|rn|ahorita|ahora|today|hoy))*"
_SUBJECT_RE = {key: re.compile(rf"(?:{subject}){_LINK}\s+(?P<rest>.+)") for key, subject in _SUBJECT.items()}


def without_subject(item_key: str, folded: str) -> str:
    """A scale answer with the item's own name before it dropped ("craving is prob 7" -> "prob 7")."""
    pattern = _SUBJECT_RE.get(item_key)
    found = pattern.fullmatch(folded) if pattern else None
    return found["rest"] if found else folded


# Words that tie typed text to one item: an answer that carries them is that item's, wherever it was typed.
NAMES = {
    "mood": _SUBJECT["mood"],
    "craving": _SUBJECT["craving"],
    # "mal, me desperté a cada rato" (newcomer14 N100): waking up and lying awake name the sleep question too.
    "sleep": r"(?:i )?(?:slept|sleep|dormi|durmi)|(?:me )?(?:desperte|despertaba|desvele)|insomnio",
    "medication": rf"{TOOK}|(?:my )?(?:meds|medication|medicamentos?|medicina)",
    "used": rf"(?:i )?(?:used|consumi)|{_CLEAN}",
}
_NAMES_RE = {key: re.compile(rf"\b(?:{names})\b") for key, names in NAMES.items()}


def names_item(item_key: str, folded: str) -> bool:
    """Whether typed text says which question it answers ("craving is 7", "sí me las tomé")."""
    pattern = _NAMES_RE.get(item_key)
    return pattern is not None and pattern.search(folded) is not None


# A scale's end label as its number ("0 = none", "0 = nada": "nada" at the craving question is 0; newcomer10 N30).
_END = re.compile(r"\s*(-?[0-9]+)\s*=\s*(?:the |el |la |lo )?(.+)")
_ARTICLE = re.compile(r"^(?:the |el |la |lo )")


# A scale whose end is "none" / "nada" (the craving's): other words for none are that end too ("ninguna", and a
# bare "no" to "how strong are your cravings": newcomer14 N100).
_NONE_END = frozenset({"none", "nada"})
_NONE_SAID = frozenset(
    {"none", "nothing", "no", "nope", "nah", "zero", "none at all", "nada", "ninguna", "ninguno", "ningunas",
     "ningunos", "nada de nada", "ninguna la verdad", "no nada", "no ninguna", "para nada"}
)  # fmt: skip


def end_label(folded_labels: tuple[str, ...], folded: str) -> int | None:
    """The number of the scale end whose label (folded) the typed words are, or None."""
    core = _ARTICLE.sub("", unhedged(folded))
    ends = [end for end in map(_END.fullmatch, folded_labels) if end is not None]
    found = next((int(end[1]) for end in ends if end[2] == core), None)
    if found is None and core in _NONE_SAID:
        found = next((int(end[1]) for end in ends if end[2] in _NONE_END), None)
    return found


# An answer said first, then why (newcomer18 N156, N149): "idk like 5? better than yesterday 🙂", "like crap, baby
# was up all night 😫", "bien, pero cansada". The first clause is the answer when it is one on its own; what follows
# is kept with the check-in. Not when the rest takes it back or offers another ("5, or maybe 7", "yes... actually no").
_CLAUSE_END = re.compile(r"\s*(?:[,;?!.]+|\s-\s|\s(?:but|pero|because|bc|cuz|porque|aunque)\s)\s*")
_TAKEN_BACK = re.compile(
    r"(?:or|o|actually|wait|i mean|no|nah|yes|yeah|si|jk|kidding|not|mejor dicho|bueno no|en realidad)\b|.*[0-9]"
)


def answer_first(raw: str) -> tuple[str, str] | None:
    """The first clause and the rest, when the text goes on after a first clause that may be the answer."""
    text = raw.strip()
    found = _CLAUSE_END.search(text)
    if found is None or found.start() == 0:
        return None
    head, rest = text[: found.start()], text[found.end() :].strip()
    if not rest or _TAKEN_BACK.match(rest.casefold()):
        return None
    return head, rest
