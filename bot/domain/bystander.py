"""Whose overdose: the writer's own, someone with them, or both (newcomer7 N5).

"my friend used with me and now he wont wake up" was answered "If you've taken something, call the emergency
number", nothing about the friend. The screen says only that the words are about an overdose; this reads whom
it is about, so the answer can tell a helper what to do (call, naloxone, stay, on their side). A message that
names nobody else is the writer's own, the default: a missed bystander still gets the emergency number.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Whose = Literal["own", "other", "both"]

_PEOPLE = (
    r"friend|buddy|homie|bro|brother|sister|sis|cousin|roommate|boyfriend|girlfriend|bf|gf|husband|wife|partner|"
    r"son|daughter|kid|mom|dad|mother|father|uncle|aunt|neighbou?r|coworker|man|guy"
)
_GENTE = (
    r"amig[oa]|compa|herman[oa]|prim[oa]|novi[oa]|espos[oa]|pareja|hij[oa]|mama|papa|madre|padre|ti[oa]|vecin[oa]|"
    r"companer[oa]|roomie|chavo|chava|vato"
)
_SOMEONE = re.compile(
    rf"\b(?:(?:my|our|a|this|some) (?:{_PEOPLE})|someone|somebody|he|she|hes|shes|him|her|(?:mi|un|una|el|la) (?:{_GENTE})"
    r"|alguien|ella)\b"
)
# Signs that the other person is the one in danger.
_THEIR_DANGER = re.compile(
    r"\b(?:won ?t|wont|will not|doesn ?t|isn ?t|is not|not|can ?t|cant) (?:wake|waking|breathing|breathe|responding|respond)"
    r"|\b(?:stopped breathing|barely breathing|turning (?:blue|gray|grey)|lips are blue|unresponsive|passed out"
    r"|overdos(?:ed|ing)|od ?(?:ed|d|ing)|took too much|had too much|need narcan for)\b"
    r"|\bno (?:despierta|responde|reacciona|respira)\b|\bse (?:esta )?(?:puso|poniendo) (?:morad[oa]|azul)\b"
    r"|\bse (?:paso|tomo|inyecto|metio)\b|\bsobredosis\b"
)
# The writer took something too ("i took some too", "me pasé").
_MINE = re.compile(
    r"\b(?:i|i ve|ive|we)(?: (?:just|also|already|both))? (?:took|used|shot|snorted|smoked|swallowed|drank|popped"
    r"|overdosed|od ?d|injected)\b(?! with)"
    r"|\bi (?:feel|m gonna pass|am gonna pass|can ?t breathe)\b|\bim (?:gonna pass|dizzy|dying)\b"
    r"|\bme (?:tome|inyecte|pase|meti|siento)\b|\bno puedo respirar\b|\b(?:tome|use|consumi) (?:tambien|yo)\b"
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def whose_overdose(text: str) -> Whose:
    """ "other" when the words name someone else in danger and not the writer taking anything, "both" when
    they say both, else "own" (the answer for the writer's own overdose)."""
    plain = _plain(text)
    other = _SOMEONE.search(plain) is not None and _THEIR_DANGER.search(plain) is not None
    if not other:
        return "own"
    return "both" if _MINE.search(plain) else "other"
