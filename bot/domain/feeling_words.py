"""A feeling typed at /cope's question, and "did this help?" answered in words (newcomer14 N103).

/cope offered buttons only: "really lonely tonight" or "me siento sola" typed there went to the "Send it to
your counselor?" drawer and no skill started; "más o menos" at "¿Te ayudó?" was kept as words. Typed words
that name one of the offered feelings pick it, as typed answers do at the check-in. Matched on folded text
(lower case, no accents); a word belongs to one feeling only, so a match is never a guess between two.
"""

from __future__ import annotations

import re

from bot.domain.checkin_items import fold
from bot.domain.coping import Helped

# By /cope's tags (bot/domain/coping.TAGS): everyday words for each, English and Spanish.
_FEELINGS: dict[str, str] = {
    "craving": r"crav\w*|urges?|want(?:ing)? to (?:use|drink|get high)|ansias?|antojos?|ganas de (?:usar|tomar|"
    r"consumir|fumar|beber|drogarme)",
    "anxiety": r"anxious|anxiety|nervous|panic\w*|on edge|stressed|worried|ansios[oa]|ansiedad|nervios[oa]?|"
    r"panico|angustia(?:d[oa])?|estresad[oa]|estres|preocupad[oa]",
    # "low" and "down" alone or felt, not "low on gas" or "my car broke down".
    "low_mood": r"(?:feel\w*|so|really|pretty|super|very|kinda) (?:low|down)|down bad|^(?:low|down)$|sad|depressed|"
    r"blue|bummed|triste|tristeza|deprimid[oa]|bajonead[oa]|desanimad[oa]|"
    r"agüitad[oa]|aguitad[oa]",
    "anger": r"angry|mad|pissed(?: off)?|furious|irritated|rage|enojad[oa]|enojo|coraje|rabia|furios[oa]|"
    r"molest[oa]|emputad[oa]|encabronad[oa]",
    "sleep": r"can ?t sleep|cannot sleep|cant sleep|insomnia|not sleeping|no puedo dormir|insomnio|sin dormir|"
    r"no me puedo dormir",
    # "solo" is also "only" ("solo quiero hablar"): felt or stayed alone only.
    "loneliness": r"lonely|loneliness|lonliness|alone|isolated|by myself|sola|solita|solito|(?:siento|estoy|"
    r"quede|sentir|sentirme) solo|soledad|aislad[oa]",
}
_FEELING_RE = {tag: re.compile(rf"\b(?:{words})\b") for tag, words in _FEELINGS.items()}
_LONGEST = 12  # words: a feeling said in a line, not a story (a story goes on as the patient's words)

_HELPED: dict[Helped, str] = {
    "yes": r"yes|yeah|yep|yup|it did|it helped|helped|si|sip|claro|me ayudo|si me ayudo|mucho|a lot",
    "somewhat": r"a (?:little|bit)(?: bit)?|kinda|kind of|sort of|somewhat|some|a little yeah|so so|meh|"
    r"more or less|un poco|algo|mas o menos|masomenos|poquito|un poquito|tantito|medio",
    "no": r"no|nope|nah|not really|didn ?t help|didnt help|it didn ?t|para nada|nada|no mucho|no me ayudo",
}
_HELPED_RE = {helped: re.compile(rf"(?:{words})") for helped, words in _HELPED.items()}


def feelings_in(text: str) -> tuple[str, ...]:
    """The /cope tags typed words name ("really lonely tonight": loneliness), in /cope's order; () for none."""
    folded = fold(text).replace("'", " ").replace("’", " ")
    if len(folded.split()) > _LONGEST:
        return ()
    return tuple(tag for tag, pattern in _FEELING_RE.items() if pattern.search(folded))


def helped_said(text: str) -> Helped | None:
    """ "Did this help?" answered in words ("más o menos": somewhat), or None when the words say something else."""
    folded = fold(text).replace("'", " ").replace("’", " ")
    return next((helped for helped, pattern in _HELPED_RE.items() if pattern.fullmatch(folded)), None)
