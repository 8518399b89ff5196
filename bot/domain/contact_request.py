"""Words that ask for someone to reach the patient: "can you ask rae to call me tonight?", "necesito que me
llamen" (newcomer finding 10-18: written as the check-in's note, they waited for the next review).

A plea (bot/domain/plea.py) is one; so is a sentence that asks a person to call, text or talk with them. A
report of a call ("my mom didn't call me back", "me llamó mi hermano") is not: the asking word must come
first. A wrong reading passes a note to the counselor as a message; a missed one leaves a request unread.
"""

from __future__ import annotations

import re
import unicodedata

from bot.domain.plea import plea_language

_ASK = r"(?:can|could|would|please|pls|plz|need|needs|want|wanna|like|hoping|hope|ask|have)"
_REACH = (
    r"(?:call|ring|phone|text|contact|reach|check on|get back to|talk (?:to|with)|speak (?:to|with)|meet)"
)
_WHOM = r"(?:me|someone|somebody|anyone|anybody|you|my counselor|my counsellor|my therapist)"
_ENGLISH = (
    rf"\b{_ASK}\b[^.!?]{{0,40}}?\b{_REACH}\s+{_WHOM}\b",
    r"^\W*(?:please\s+)?(?:call|text|ring|phone)\s+me\b",
)
# Accents removed first ("llámame" is "llamame").
_VERB_ES = r"(?:llam|marc|habl|contact|escrib|busc|visit)"
_SPANISH = (
    rf"\bme\s+{_VERB_ES}(?:en|e|es|as)\b",  # "que me llamen", "me marque alguien" (not "me llama")
    rf"\bme\s+(?:puede|pueden|puedes|podria|podrian|podrias)\s+{_VERB_ES}ar\b",  # "alguien me puede llamar"
    rf"\b{_VERB_ES}(?:ame|enme|eme|arme)\b",  # "llamame", "marquenme", "pueden llamarme"
    r"\b(?:necesito|quiero|quisiera|ocupo|gustaria|puedo|podemos)\s+(?:hablar|platicar)\s+con\s+"
    r"(?:alguien|mi consejer[oa]|mi terapeuta|usted|ustedes|contigo|ella|el)\b",
)
_PATTERNS = tuple(re.compile(p) for p in (*_ENGLISH, *_SPANISH))


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def asks_for_contact(text: str) -> bool:
    """Whether the words ask for a person to call, text or talk with the writer (English or Spanish)."""
    if not text.strip():
        return False
    if plea_language(text) is not None:
        return True
    plain = _plain(text)
    return any(p.search(plain) for p in _PATTERNS)
