"""A session reminder answered in words ("running late", "can't make it today", "ahí voy", "llego tarde").

newcomer7 N16 and newcomer6 finding 31: such an answer went to the "Send it?" drawer, nothing was recorded
for the session, and the counselor's pre-group screen said "0 running late". Only a short message that plainly
says one of the three answers about the writer counts: a question ("can I come late?"), someone else ("my mom
can't make it"), a denial ("I won't be late") or anything long is left as an ordinary message. The patient is
shown what was recorded, with the reminder's buttons to change it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Rsvp = Literal["y", "l", "n"]

# "make it" about the session, never "make it through the night" or "much longer" (words of a crisis).
_ARRIVE = r"(?:make it|come|go|be there|attend|get there)(?! (?:through|thru|past|to (?:the )?morning|to tomorrow|much longer|another|out))"
_CANT = (
    r"(?:can ?t|cannot|can not|won ?t|not gonna|not going to|unable to|wont be able to|won t be able to) "
    + _ARRIVE,
    r"not (?:coming|going|gonna come|going to come)",
    r"no (?:puedo|podre|voy a poder|voy a|alcanzo a|creo poder) (?:ir|llegar|asistir|venir|estar)",
    r"hoy no (?:puedo|voy|llego)",
    r"no llego",
    # Hedged (newcomer18 N173): "no creo que llegue", "i dont think ill make it tonight, kid is sick".
    r"(?:dont|don t|do not) think (?:i ?ll|i will|ill|i can|i could|i m gonna|im gonna|i m going to) "
    + _ARRIVE,
    r"(?:prob|probably|prolly|likely|might|may) (?:not|cant|can t|wont|won t|not gonna|not going to) "
    r"(?:be able to )?" + _ARRIVE,
    r"doubt (?:i ?ll|i will|ill|i can|i could) " + _ARRIVE,
    r"no creo (?:que )?(?:pueda|poder|alcance a|alcanzar a|vaya a poder) (?:ir|llegar|asistir|venir|estar)",
    r"no creo que (?:llegue|vaya|asista|alcance)(?! (?:a|al|tarde)\b)",
    r"creo que no (?:voy a poder|podre|puedo|alcanzo a) (?:ir|llegar|asistir|venir)",
    r"dudo que (?:pueda (?:ir|llegar|asistir|venir)|llegue|vaya)(?! (?:a|al|tarde)\b)",
    # Not knowing whether they can (newcomer20 N198: "idk if i can make it" got "are you safe?" and no RSVP): a
    # maybe is told to the counselor as can't, with the words; "…through the night" is no session (_ARRIVE).
    r"(?:idk|i dont know|i don t know|dunno|not sure|im not sure|i m not sure)(?: if| whether)? "
    r"(?:i ?ll|i will|ill|i can|i could|i m gonna|im gonna) " + _ARRIVE,
    r"no (?:se|estoy segur[oa]) (?:si|de) (?:pueda|puedo|podre|voy a poder|poder) (?:ir|llegar|asistir|venir|estar)",
    r"no se si (?:llegue|vaya|asista|alcance)(?! (?:a|al|tarde)\b)",
)
_LATE = (
    r"(?:running|gonna be|going to be|will be|ll be|i m|im|i am|be|a bit|a little|few min|mins?|minutes?"
    r"|prob|probably|prolly) ?late"
    r"(?! (?:on|with|for (?:work|school|my|the rent)|last|night|again))",
    r"late (?:today|tonight|sorry)",
    # "ugh gonna be late again, bus is slow" (newcomer18 N155): late again now, not "late again on rent".
    r"(?:gonna be|going to be|will be|ll be|running|i m|im|i am) late again(?! (?:on|with|for))",
    r"(?:llego|llegare|voy|voy a llegar|vamos|ire|llegando) (?:\w+ ){0,4}tarde",
    r"se me hizo tarde|me retraso|voy retrasad[oa]|retrasad[oa]",
)
_COMING = (
    r"(?:i ?ll|i will|ill|will|gonna|i m gonna) be there",
    r"see you (?:there|tonight|today|soon|in a bit|later)",
    r"on my way|omw|heading (?:there|over|out) now",
    r"(?:ahi|alli|alla) (?:estare|voy|nos vemos|llego)",
    r"(?:ya )?voy (?:en camino|para alla|pa alla|saliendo)|(?:ya )?voy$|en camino",
    r"nos vemos (?:alla|ahi|alli|hoy|al rato|en un rato)",
    r"(?:be )?there in \d+|llego en \d+",
    # A can't changed the same day (newcomer20 N202: "…i can come to group tonight" stayed "can't make it").
    r"i (?:can|could) " + _ARRIVE,
    r"(?:al final |siempre |ya )?si (?:puedo|podre|voy a poder) (?:ir|llegar|asistir|venir|estar)",
    r"ya (?:puedo|podre) (?:ir|llegar|asistir|venir)",
)
# Someone else's plans before the answer ("my mom can't make it"; "can't come, my kid is sick" is the patient's).
_SOMEONE = re.compile(
    r"\b(?:he|she|they|my (?:mom|dad|friend|sister|brother|kid|son|daughter|wife|husband|boss|partner)"
    r"|mi (?:mama|papa|amig[oa]|herman[oa]|hij[oa]|espos[oa]|jefe|pareja)|ella|ellos)\b"
)
# A denial ("I won't be late") says nothing about which answer.
_DENIAL = re.compile(
    r"\b(?:won ?t be late|not (?:be )?late|no (?:voy a )?llego tarde|no voy a llegar tarde"
    r"|(?:dont|don t|do not) think (?:i ?ll|ill|i will) be late|no creo que llegue tarde)\b"
)
# "no voy a poder, se me complicó en el trabajo" (newcomer12 N78): the bare refusal, then a reason after a
# stop. Read on the words with their punctuation, at the start only, so "no puedo dormir" or "i can't sleep"
# (a refusal of something else) stays a message.
_BARE_CANT = re.compile(
    r"^(?:(?:lo siento|perdon|perdona|disculpa|sorry|so sorry|hoy|today|tonight|uy|ay|oh|i|creo que)[,.!]? ){0,2}"
    r"(?:no (?:voy a poder|podre|puedo|alcanzo)|(?:can ?t|cannot|won ?t be able to))\s*(?:[,.;:!]|$)"
)
_PHRASES: tuple[tuple[Rsvp, tuple[str, ...]], ...] = (("n", _CANT), ("l", _LATE), ("y", _COMING))
_ALL = {
    answer: re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\b")
    for answer, phrases in _PHRASES
}
MAX_WORDS = 16


def _letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s?]", " ", _letters(text)).split())


def typed_rsvp(text: str) -> Rsvp | None:
    """ "n" (can't make it), "l" (running late) or "y" (coming) when the words plainly are that answer, else
    None. Can't beats late, and late beats coming ("on my way, 10 min late" is late)."""
    plain = _plain(text)
    if not plain or "?" in plain or len(plain.split()) > MAX_WORDS or _DENIAL.search(plain):
        return None
    stops = " ".join(re.sub(r"['’]", "", _letters(text)).split())
    if _BARE_CANT.search(stops):
        return "n"
    for answer, pattern in _ALL.items():
        found = pattern.search(plain)
        if found is not None:
            # "they let me out this morning, i can come" is the patient's own answer: "i" says so.
            mine = found.group().startswith("i ")
            return None if not mine and _SOMEONE.search(plain[: found.start()]) else answer
    return None


# A bare yes or no typed right under a reminder's "Will you be there?" (newcomer21 N184: "yes", "nah not tonight" and
# "👍" went to the drawer). Read only there, while the reminder is unanswered (bot/handlers/rsvp.py): alone, "yes"
# and "no" answer anything.
_BARE_YES = re.compile(
    r"(?:yes|yeah|yea|yep|yup|ya|sure|of course|definitely|si|sip|claro|por supuesto|simon|dale)"
    r"(?: (?:i will|ill be there|i ll be there|see you there|tonight|hoy|alli estare|ahi estare|ahi nos vemos))?"
)
_BARE_NO = re.compile(
    r"(?:no|nah|nope|naw)(?: (?:not tonight|not today|sorry|lo siento|perdon|hoy no|esta vez no|hoy))?"
    r"|not (?:tonight|today)|hoy no|esta vez no"
)
_YES_SIGNS = frozenset({"👍", "✅", "🙋", "👌", "🙌"})
_NO_SIGNS = frozenset({"👎", "❌", "🙅"})


def bare_rsvp(text: str) -> Rsvp | None:
    """ "y" or "n" when the whole message is a bare yes or no (a word, a thumb), else None."""
    signs = {c for c in text if unicodedata.category(c) == "So"}  # a skin tone (Sk) or VS16 (Mn) is no sign
    if signs and not _plain(text):
        return "y" if signs <= _YES_SIGNS else "n" if signs <= _NO_SIGNS else None
    plain = _plain(text)
    if _BARE_YES.fullmatch(plain):
        return "y"
    return "n" if _BARE_NO.fullmatch(plain) else None
