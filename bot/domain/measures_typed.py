"""A questionnaire answer typed instead of tapped: a number, a label, or the scale's words in English or Spanish.

newcomer5 finding 18: at PHQ-9 item 9 ("thoughts that you would be better off dead"), "nearly every day tbh"
was kept unsent and paged nobody, and a Spanish speaker's "varios días" was answered as a relapse. A patient
may answer in either language whatever words the items were shown in: both are read here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.instruments import Option
from bot.domain.screen.text import deaccent

# The PHQ/GAD frequency scale in everyday words, by value. Longer phrases are tried first ("more than half
# the days" before "days"), each as whole words anywhere in the text ("nearly every day tbh").
FREQUENCY: dict[int, tuple[str, ...]] = {
    2: (
        "more than half the days",
        "more than half",
        "over half the days",
        "half the days",
        "mas de la mitad de los dias",
        "mas de la mitad",
        "la mitad de los dias",
        "la mitad",  # "más o menos la mitad" (newcomer6 finding 10)
        "about half",
        "around half",
        "half the time",
    ),
    3: (
        "nearly every day",
        "almost every day",
        "every day",
        "everyday",
        "all the time",
        "casi todos los dias",
        "casi diario",
        "todos los dias",
        "diario",
        "todo el tiempo",
    ),
    1: (
        "several days",
        "a few days",
        "some days",
        "sometimes",
        "a couple days",
        "varios dias",
        "algunos dias",
        "unos dias",
        "a veces",
        "menos de la mitad",  # with "la mitad" (2) it reads as two: never guessed, asked again
        "less than half",
    ),
    0: ("not at all", "para nada", "ningun dia", "not once"),
}
# Alone only: "no" inside "i have no idea what this means" is not an answer of "not at all". "nah not really",
# "no, para nada" (newcomer10 N36) are the same said with a lead-in.
ZERO_ALONE = frozenset(
    {"no", "nope", "none", "never", "nada", "nunca", "zero", "cero", "ninguno", "nah", "not really",
     "nah not really", "no not really", "nope not really", "no para nada", "nel", "no nada", "nah never"}
)  # fmt: skip
_PATTERNS = [
    (value, re.compile(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])"))
    for value, phrases in FREQUENCY.items()
    for phrase in phrases
]
_SCALE = frozenset(FREQUENCY)


def _plain(text: str) -> str:
    return " ".join(deaccent(text.casefold()).replace("’", "'").split())


def typed_value(text: str, options: Sequence[Option]) -> int | None:
    """The option a typed answer means, or None when it cannot be read as one, or reads as two ("not at
    all, i think about it every day"): an answer at a safety item is never guessed low."""
    plain = _plain(text).strip(" .!?").replace(",", "")
    values = {o.value for o in options}
    if plain.isdigit():
        return int(plain) if int(plain) in values else None
    found = {o.value for o in options if o.label and _words(_plain(o.label)).search(plain)}
    if values == _SCALE:  # the everyday words are for the 0-3 frequency scale only
        found |= {value for value, pattern in _PATTERNS if pattern.search(plain)}
        if plain in ZERO_ALONE:
            found.add(0)
    return found.pop() if len(found) == 1 else None


def _words(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])")


def is_frequency_answer(text: str) -> bool:
    """Whether a text reads as one answer on the 0-3 scale (so the screen leaves "varios días" to the form)."""
    return typed_value(text, [Option(v, "") for v in sorted(_SCALE)]) is not None
