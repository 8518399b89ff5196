"""A typed choice under "I've kept that, send it to your counselor?": "yes, send it", "sí, mándaselo porfa", "no".

newcomer5 finding 38: "sí, mándaselo porfa" was kept as one more message, and "envíaselo" was passed on as a
message by itself, so the patient's question about group never reached the counselor though they were told
"Le pasé tu mensaje". Only a short text that is nothing but the choice counts; anything else is kept as words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

DrawerChoice = Literal["send", "drop"]

_PLEASE = r"(?: (?:please|pls|plz|thanks|thank you|por ?fa(?:vor)?|porfis|gracias))*"
_YES = r"(?:(?:yes|yeah|yep|ok|okay|sure|si|sip|dale|va|claro)(?: (?:please|pls|por ?fa(?:vor)?))?(?: |$))?"
_SEND = (
    r"(?:yes|yeah|yep|ok|okay|sure|si|sip|dale|claro)",
    r"send(?: (?:it|them|that|those))?(?: to (?:him|her|them|my counselor))?",
    r"(?:en)?v[ií]a(?:lo|los|selo|selos|melo)",
    r"(?:m[aá]nda|manda)(?:lo|los|selo|selos)",
    r"(?:p[aá]salo|p[aá]saselo|p[aá]saselos)",
)
_DROP = (
    r"no(?: thanks| gracias)?",
    r"nope",
    r"don ?t send(?: it| them)?",
    r"no (?:lo|los) (?:env[ií]es|mandes|pases)",
    r"no (?:envies|mandes)",
)
_SEND_RE = re.compile(_YES + "(?:" + "|".join(f"(?:{p})" for p in _SEND) + ")" + _PLEASE)
_DROP_RE = re.compile("(?:" + "|".join(f"(?:{p})" for p in _DROP) + ")" + _PLEASE)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def drawer_choice(text: str) -> DrawerChoice | None:
    """ "send", "drop", or None when the text is anything more than the choice."""
    plain = _plain(text)
    if len(plain) > 40:
        return None
    if _SEND_RE.fullmatch(plain):
        return "send"
    if _DROP_RE.fullmatch(plain):
        return "drop"
    return None
