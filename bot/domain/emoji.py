"""A message of emoji alone ("😭😭😭", "💔", "🔫", "💊💊💊"), read for what it shows (gaps17, session 17).

The screen reads words; emoji alone read as nothing, so "🔫" or "💊💊💊" met the "I've kept that, send it?"
drawer as "👍" did. A means of harm shown alone (a gun, a knife, pills, a syringe, a rope, a coffin) is read as
worrying but ambiguous words are: one gentle "are you safe?" and a flag for the counselor's next review. Tears
or a broken heart get a kind word before the drawer. Everything else stays as it was.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from bot.domain.screen.assess import Assessment, Level

EMOJI_MEANS = "check:emoji_means"
# Without the variation selector (U+FE0F) and skin tones, which are stripped before the lookup.
_MEANS = frozenset("🔫🔪🗡💊💉🪢⚰🪦🩸")  # not 💀 or ☠: "dying of laughter" as often
_DISTRESS = frozenset("😭😢😥😿💔😞😔😩😫🥺😰😨😱😖😣😓😟🙁☹😪🖤")
_IGNORED = {"\ufe0f", "\ufe0e", "\u200d"}  # variation selectors and the zero-width joiner


def _symbols(text: str) -> list[str] | None:
    """The message's symbols, or None when it holds a letter or a digit (words: the screen's to read)."""
    found = []
    for char in text:
        if char.isspace() or char in _IGNORED or 0x1F3FB <= ord(char) <= 0x1F3FF:  # skin tones
            continue
        if char.isalnum():
            return None
        if unicodedata.category(char) in ("So", "Sk", "Sm"):
            found.append(char)
        elif not unicodedata.category(char).startswith("P"):
            return None
    return found or None


def emoji_reading(text: str) -> Literal["means", "distress", ""]:
    """What a message of emoji alone shows: a means of harm, distress, or nothing in particular ("")."""
    symbols = _symbols(text)
    if not symbols:
        return ""
    if any(s in _MEANS for s in symbols):
        return "means"
    return "distress" if any(s in _DISTRESS for s in symbols) else ""


def emoji_assessment(text: str, assessment: Assessment) -> Assessment:
    """The screen's assessment, raised to a check when the words were emoji alone showing a means of harm."""
    if assessment.level != Level.NONE or emoji_reading(text) != "means":
        return assessment
    return Assessment(Level.CHECK, (EMOJI_MEANS,), assessment.language, assessment.clauses)
