"""The words a patient wrote after an alert, on the card of whoever holds it (newcomer14 N105)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.texts.base import esc
from bot.texts.flag_reasons import reason_words


def since_reading(level: str, reasons: Sequence[str]) -> str:
    """The most worrying reading among them, short ("means at hand"); the learned layer's alone says only
    its level."""
    # Each reading without its parentheses: cut at the first, signals after it went (N118).
    named = [
        re.sub(r" \([^)]*\)", "", reason_words(r).partition(": ")[2]) for r in reasons if "learned(" not in r
    ]
    if named:
        return "; ".join(dict.fromkeys(named))
    return "more crisis words" if level == "crisis" else "worrying words"


def since_note(count: int, level: str, reasons: Sequence[str]) -> str:
    """Under an alert's card: how many messages came since, the worst reading, and where to read them."""
    if count == 0:
        return ""
    what = "1 more message" if count == 1 else f"{count} more messages"
    worst = (
        f", the most worrying read as: <b>{esc(since_reading(level, reasons))}</b>" if level != "none" else ""
    )
    return f"\n💬 Since the alert they wrote {what}{worst}. <b>Show message</b> shows them all."


def since_line(count: int, level: str, reasons: Sequence[str]) -> str:
    """The same, short, after an alert's line in a reminder listing several."""
    if count == 0:
        return ""
    said = f"; {count} more message{'s' if count != 1 else ''} since"
    if level == "none":
        return said
    # Said as what they wrote after it (newcomer18 N166: "; since: substance use" on a suicide alert read as if
    # the alert were about substance use).
    return f"{said}, the most worrying about: {esc(since_reading(level, reasons))}"
