"""A plea for help in a person's own words ("please someone help me", "ayudame porfa"): the SOS screen.

A person in trouble does not type the README's phrase. A short message that is a word for help and nothing
else but the words people put around it (please, someone, now, I need, porfa, ya...) is the same plea as
/sos. "help" alone stays a question about the bot (/help), and any other word ("help me with my settings")
makes it an ordinary message: a wrong SOS screen costs a reading, a missed one a person alone.
"""

from __future__ import annotations

import re
import unicodedata

_HELP_EN = frozenset({"help", "halp", "helpme", "sos"})
_HELP_ES = frozenset(
    {"ayuda", "ayudame", "ayudenme", "ayudeme", "ayudarme", "ayudeneme", "auxilio", "socorro", "ayudaaa"}
)
# The words around a plea, and only those: anything else makes it an ordinary message.
_AROUND_EN = frozenset(
    [
        "please",
        "pls",
        "plz",
        "plzz",
        "plss",
        "pleas",
        "pleasee",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "some1",
        "any1",
        "i",
        "im",
        "m",
        "i'm",
        "need",
        "needs",
        "me",
        "now",
        "right",
        "rn",
        "asap",
        "god",
        "omg",
        "oh",
        "can",
        "could",
        "would",
        "will",
        "you",
        "u",
        "ya",
        "yall",
        "guys",
        "really",
        "seriously",
        "just",
        "please",
        "urgent",
        "urgently",
        "immediately",
        "quick",
        "quickly",
        "fast",
        "still",
        "hey",
        "send",
        "get",
        "is",
        "there",
        "out",
        "here",
        "a",
        "some",
        "bad",
        "badly",
        "so",
    ]
)
_AROUND_ES = frozenset(
    [
        "por",
        "favor",
        "porfa",
        "porfavor",
        "porfis",
        "xfa",
        "plis",
        "alguien",
        "necesito",
        "nesesito",
        "ocupo",
        "ya",
        "ahora",
        "mismo",
        "yo",
        "me",
        "urgente",
        "rapido",
        "dios",
        "mio",
        "que",
        "hay",
        "aqui",
        "aca",
        "pido",
        "les",
        "te",
        "se",
        "lo",
        "la",
        "de",
        "oigan",
        "oye",
        "puedes",
        "pueden",
        "puede",
        "alguno",
        "alguna",
    ]
)
_MOST_WORDS = 10


def _words(text: str) -> list[str]:
    """Lower case, no accents, letters repeated three times or more once ("pleaseee" -> "please")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"(\w)\1{2,}", r"\1", plain)
    return re.findall(r"[a-z0-9']+", plain)


def plea_language(text: str) -> str | None:
    """ "en" or "es" when the text is a plea for help and nothing else; None otherwise (and for "help" alone)."""
    words = _words(text)
    if not words or len(words) > _MOST_WORDS or words == ["help"]:
        return None
    helps = [w for w in words if w in _HELP_EN or w in _HELP_ES]
    if not helps or any(w not in _HELP_EN | _HELP_ES | _AROUND_EN | _AROUND_ES for w in words):
        return None
    spanish = any(w in _HELP_ES for w in helps) or any(w in _AROUND_ES and w not in _AROUND_EN for w in words)
    return "es" if spanish else "en"
