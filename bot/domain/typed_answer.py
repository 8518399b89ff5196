"""A typed answer to "Are you safe right now?" ("no im not safe", "estoy bien"), read as the buttons are.

Only a short answer that is nothing else counts: any other words go to the crisis screen as usual, so a
typed "I'm safe" never hides what else was said. "Not safe" is read generously (a false page costs a
call; a missed one costs more), "safe" strictly.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

TypedAnswer = Literal["safe", "notsafe", "unsure"]

_NOW = r"(?: (?:right )?now| rn| ahora(?: mismo)?)?"
_ME = r"(?:i m|im|i am)"
# "honestly no", "la verdad no": a lead-in that changes nothing; "no estoy bien, no": a "no" said again.
_LEAD = (
    r"(?:(?:honestly|tbh|well|um+|uh+|idk|actually|wait|la verdad|la vdd|vdd|la neta|neta|sinceramente|pues|pos|bueno|"
    r"en realidad|no se|no|nah|naw|nope|nel) ){0,2}"
)  # "actually no, im not safe" after "You misunderstood me" (newcomer9 N27); two of them: "nel, la neta no estoy
# bien" (nah, honestly I'm not ok) was passed on as words after an overdose (newcomer22 N230), "nah honestly no"
# "nah fam", "no mucho la verdad": a word after the answer that changes nothing (newcomer5 findings 44, 45).
_TAIL = (
    r"(?: (?:fam|bro|bruh|man|dude|tbh|honestly|ngl|fr|la verdad|la neta|sinceramente|wey|guey|mano|carnal))?"
)
# newcomer5 finding 23: "nel, la neta no" (nah, honestly no) was passed on as a plain message.
_AGAIN = r"(?: " + _LEAD + r"(?:no|nope|nah|nel|not really|para nada))?"
_NOT_SAFE = (
    r"no(?:pe|p)?",
    r"nah",
    r"nel",
    r"no way",
    r"not (?:really|rly|realy)",
    r"not rn",
    r"not (?:right )?now",
    r"not at all",
    r"not so much",
    r"i don ?t think so",
    r"para nada",
    r"no mucho",
    r"no tanto",
    r"creo que no",
    r"(?:i )?guess not",  # a hedged "no" is still a "no" (newcomer16 N134)
    r"(?:probably|prob) not",
    r"supongo que no",
    r"no creo",  # newcomer4 finding 21: "no creo", "la neta no", "neta que no", "ni madres" read as no answer
    r"(?:la )?(?:verdad|neta) que no",
    r"ni madres",
    r"(?:no )?not safe" + _NOW,
    rf"(?:(?:no|yes) )?{_ME} not(?: (?:safe|ok|okay|fine|alright|all right))?{_NOW}",
    rf"(?:no )?i don t feel safe{_NOW}",
    r"(?:no )?no estoy (?:a salvo|segur[oa]|bien)" + _NOW,
    r"(?:no )?no me siento (?:a salvo|segur[oa])" + _NOW,
)
_SAFE = (
    r"yes",
    r"yeah",
    r"yep",
    r"(?:yes |yeah )?safe" + _NOW,
    rf"(?:(?:yes|yeah|yep) )?{_ME} (?:safe|ok|okay|fine|alright|all right){_NOW}(?: thanks?(?: you)?)?",
    r"si",
    r"(?:si )?estoy (?:a salvo|segur[oa]|bien)" + _NOW + r"(?: gracias)?",
)
# "idk", "no sé": not knowing whether one is safe is not "safe" (gaps11 #1); the handler escalates it as "not
# safe", said gently. "no estoy seguro" stays "not safe" above: in Spanish it says both.
_UNSURE = (
    r"idk",
    r"i ?d ?k",
    r"i (?:dont|don t|do not) know",
    r"dunno",
    r"i dunno",
    r"(?:i m |im |i am )?(?:not sure|unsure|not certain)",
    r"maybe",
    r"hard to say",
    r"(?:es )?dificil (?:de )?decir(?:lo)?",
    r"(?:i )?(?:don t|dont) know",
    r"no (?:lo )?se",
    r"nose",  # "no sé" run together, as it is often typed (newcomer10 N3)
    r"ni idea",
    r"no (?:sabria|se) (?:decir|que decir(?:te)?|decirte)",
    r"quien sabe",
    r"tal vez",
    r"quizas?",
    # A hedge is not a "yes" (newcomer16 N134: "kinda", "i guess", "más o menos" went on as words, while
    # "idk" was "not sure"): less than a plain yes to "Are you safe right now?" is not knowing it.
    r"(?:kinda|kind of|sorta|sort of|somewhat|ish|more or less|i guess(?: so)?|guess so|i think so|probably|prob)",
    rf"(?:{_ME} )?(?:safe|ok|okay|fine|alright|all right)(?: i guess| i think| kinda| sorta| ish| for now)",
    rf"(?:i guess|i think|probably|kinda|sorta) {_ME} (?:safe|ok|okay|fine|alright|all right)",
    r"(?:mas o menos|medio|masomenos|mas menos|a medias|algo asi|creo que si|supongo(?: que si)?|eso creo|"
    r"puede ser|probablemente|si y no|yes and no)",
    r"(?:estoy )?(?:bien|a salvo) (?:creo|supongo|mas o menos|por ahora)",
)
_UNSURE_RE = re.compile(
    _LEAD
    + "(?:"
    + "|".join(f"(?:{p})" for p in _UNSURE)
    + ")"
    + _NOW
    + r"(?: (?:tbh|honestly|ngl|la verdad|la vdd|sinceramente))?"
)
_NOT_SAFE_RE = re.compile(_LEAD + "(?:" + "|".join(f"(?:{p})" for p in _NOT_SAFE) + ")" + _AGAIN + _TAIL)
_SAFE_RE = re.compile("|".join(f"(?:{p})" for p in _SAFE))


def _plain(text: str) -> str:
    """Lower case, no accents, punctuation as spaces ("I'm" -> "i m", "sí." -> "si")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


# Words that make a typed answer about safety itself; without them "yes", "no", "not really" answer any question.
_ABOUT_SAFETY = re.compile(r"\b(?:safe|ok|okay|fine|alright|all right|feel|bien|salvo|segur[oa]|siento)\b")


def is_bare(text: str) -> bool:
    """A plain yes or no ("yes", "nope", "not really", "si"): it answers whichever question was shown last."""
    return typed_answer(text) is not None and not _ABOUT_SAFETY.search(_plain(text))


def typed_answer(text: str) -> TypedAnswer | None:
    """ "notsafe", "safe", "unsure", or None when the text is anything more than an answer to the question."""
    plain = _plain(text)
    if len(plain) > 60:
        return None
    if _NOT_SAFE_RE.fullmatch(plain):
        return "notsafe"
    if _SAFE_RE.fullmatch(plain):
        return "safe"
    if _UNSURE_RE.fullmatch(plain):
        return "unsure"
    return None


# "You misunderstood me" typed, the third button's words (newcomer16 N130).
_MISREAD_RE = re.compile(
    r"(?:(?:no|nah|um+|wait|actually|pues|bueno) )?(?:you (?:misunderstood|misread|got it wrong|got me wrong)(?: me)?"
    r"|(?:me )?(?:entendiste|entendieron) mal|no me (?:entendiste|entendieron)|malinterpretaste(?: todo)?)"
)


def leads_with_answer(text: str) -> bool:
    """Whether the text starts with an answer to "Are you safe right now?" (or "You misunderstood me") set off by
    punctuation and goes on ("yes im safe, im with my sister"; newcomer16 N130): no bare answer, so not taken as
    one, but its writer believes they answered."""
    found = re.search(r"[,.;:!?—–-]", text)
    if found is None or not _plain(text[found.end() :]):
        return False
    head = text[: found.start()]
    return typed_answer(head) is not None or bool(_MISREAD_RE.fullmatch(_plain(head)))
