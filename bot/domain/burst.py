"""Words read with the ones just before them (newcomer15 N125).

The screen reads a message by itself. People text a crisis in pieces: "i have the rope" / "its in the garage" /
"bye" / "love you mom". The first paged; each goodbye after it read as nothing, and got "I've passed that to
Jordan Cole", the coldest answer of the day at its most urgent moment. Read with the words before it (the
alert's own and those since, within ``BURST``), a message that brings a new warning sign of its own (a farewell
beside the rope) is a crisis again. A weak sign alone (a time of day: "im ok now") never is, nor is anything
the words before it already said.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.domain.screen.assess import Assessment, Level, assess, default_rules

BURST = timedelta(minutes=15)
# A piece of a burst is short; a long message is read whole by itself (a 4,000-character ramble ending "THE END"
# after the pills is not a goodbye said in pieces).
PIECE = 280
READ_TOGETHER = "crisis:read_with_earlier"  # a marker reason: the card says the words were read together


def _families(reasons: Sequence[str]) -> set[str]:
    """The frames and signal families named by crisis reasons ("crisis:signals.farewell+means_at_hand")."""
    found: set[str] = set()
    for reason in reasons:
        level, _, rest = reason.partition(":")
        if level != "crisis" or "learned(" in rest:
            continue
        names = rest.removeprefix("signals.").split("+") if rest.startswith("signals.") else [rest]
        found |= {name.partition(".")[0] for name in names}
    return found


def read_together(earlier: Sequence[str], text: str, year: int) -> Assessment | None:
    """The crisis reading of ``text`` after ``earlier`` words, when it adds a warning sign that is not weak
    and not already in them; None otherwise."""
    if not earlier or len(text) > PIECE:
        return None
    before = assess(". ".join(earlier), year=year)
    joint = assess(". ".join([*earlier, text]), year=year)
    if joint.level != Level.CRISIS:
        return None
    new = _families(joint.reasons) - _families(before.reasons) - default_rules().composition.weak
    if not new:
        return None
    reasons = [r for r in joint.reasons if r not in before.reasons and "learned(" not in r]
    return Assessment(Level.CRISIS, (READ_TOGETHER, *reasons), joint.language, joint.clauses)
