"""Signs that an overdose is getting worse, said after one (newcomer15 N123).

After "i took like 15 of my xanax an hour ago" (answered: call the emergency number now), "idk feel kinda sleepy"
got only "I've passed that to Jordan Cole", a counselor whose stated reply time is a working day. Read alone
those words are nothing; while an overdose alert about the writer is followed they are the overdose going on,
and get the emergency number again.
"""

from __future__ import annotations

import re
import unicodedata

_SIGNS = re.compile(
    r"\b(?:sleepy|drowsy|so tired|nodding off|(?:can ?t|cant|hard to|trouble) (?:breathe|breathing|stay awake|"
    r"keep my eyes open|stand|think straight)|throwing up|threw up|puking|vomit(?:ing)?|dizzy|passing out|"
    r"gonna pass out|going to pass out|chest (?:hurts|pain)|heart (?:is )?(?:racing|pounding)|numb|shaking|"
    r"seizure|blacking out|everything is spinning)\b"
    r"|\b(?:sueno|somnolient[oa]|mareado|mareada|vomit(?:ando|e)|no puedo respirar|me cuesta respirar|"
    r"me (?:voy a )?desmay(?:o|ar)|me duele el pecho|el corazon (?:me )?late (?:muy )?rapido|temblando|"
    r"no me puedo (?:mantener despiert[oa]|parar))\b"
)
_DENIED = re.compile(r"\b(?:not|no|dont|don ?t|ya no|nada de)\s+(?:\w+\s+)?$")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def worse_signs(text: str) -> bool:
    """Whether the words name a sign of an overdose getting worse ("feel kinda sleepy", "no puedo respirar"),
    not denied just before it ("not sleepy", "no estoy mareado")."""
    plain = _plain(text)
    return any(not _DENIED.search(plain[: found.start()]) for found in _SIGNS.finditer(plain))
