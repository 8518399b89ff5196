"""Quiet hours typed instead of tapped: "11pm to 6am", "de 11 de la noche a 6 de la mañana", "22:00-07:00",
"off" (newcomer6 finding 28: the menu took buttons only, and "11pm to 6am" became a message to three counselors).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import time
from typing import Literal

from bot.domain.enrollment import parse_clock
from bot.domain.quiet import OFF, Window

_OFF = frozenset(
    {"off", "turn off", "turn it off", "turn them off", "none", "no quiet hours", "apagar", "apagadas", "apagalas",
     "ninguna", "sin horas de silencio", "no quiero horas de silencio"}
)  # fmt: skip
_DEFAULT = frozenset({"default", "the default", "predeterminada", "la predeterminada"})
_SPLIT = re.compile(r"\s*(?:-|–|—)\s*|\s+(?:to|till|til|until|thru|through|a|hasta|y|and)\s+")
_LEAD = re.compile(r"^(?:from|between|de|desde|entre)\s+")
_MORNING = re.compile(r"\b(?:am|a m|manana|madrugada)\b")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).strip(" .!").split())


def typed_window(text: str) -> Window | Literal["default"] | None:
    """The window typed ("11pm to 6am"), OFF, "default", or None when the words are not a window. A start
    with no am/pm later than the end ("11 to 6") is the evening's: quiet hours run through the night."""
    plain = _plain(text)
    if plain in _OFF:
        return OFF
    if plain in _DEFAULT:
        return "default"
    parts = _SPLIT.split(_LEAD.sub("", plain), maxsplit=1)
    if len(parts) != 2 or len(plain) > 60:
        return None
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    if start is None or end is None or start == end:
        return None
    if start.hour < 12 and start > end and not _MORNING.search(parts[0]):
        start = time(start.hour + 12, start.minute)
    return (start, end)
