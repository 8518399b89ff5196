"""Words read with the ones just before them (newcomer15 N125).

The screen reads a message by itself. People text a crisis in pieces: "i have the rope" / "its in the garage" /
"bye" / "love you mom". The first paged; each goodbye after it read as nothing, and got "I've passed that to
Jordan Cole", the coldest answer of the day at its most urgent moment. Read with the words before it (the
alert's own and those since, within ``BURST``), a message that brings a new warning sign of its own (a farewell
beside the rope) is a crisis again. A weak sign alone (a time of day: "im ok now") never is, nor is anything
the words before it already said.

With no alert open (newcomer16 N125's rest), "i cant do this" and then "im done" each went to the "kept, not
passed" drawer, while the two read together are a check. Pieces kept unsent a moment before (each within
``QUICK`` of the next) are read with the new one; when together they read higher than it alone, the burst's
level is the answer's (``read_burst``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.domain.screen.assess import Assessment, Level, assess, default_rules

BURST = timedelta(minutes=15)
# A piece of a burst is short; a long message is read whole by itself (a 4,000-character ramble ending "THE END"
# after the pills is not a goodbye said in pieces).
PIECE = 280
READ_TOGETHER = "crisis:read_with_earlier"  # a marker reason: the card says the words were read together
CHECK_TOGETHER = "check:read_with_earlier"  # the same for a check: the flag's reasons say so
# Messages sent one after the other, as people text: each within this of the next.
QUICK = timedelta(seconds=90)
PIECES = 6  # at most this many kept pieces are read with a new one


def families(reasons: Sequence[str]) -> set[str]:
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
    new = families(joint.reasons) - families(before.reasons) - default_rules().composition.weak
    if not new:
        return None
    reasons = [r for r in joint.reasons if r not in before.reasons and "learned(" not in r]
    return Assessment(Level.CRISIS, (READ_TOGETHER, *reasons), joint.language, joint.clauses)


def quick_pieces(kept: Sequence[tuple[str, datetime | None]], at: datetime) -> list[str]:
    """The kept texts (oldest first, with when each was written) sent in one quick run up to ``at``: each
    within ``QUICK`` of the next, short ones only, at most ``PIECES``."""
    run: list[str] = []
    after = at
    for text, written in reversed(kept):
        if written is None or not timedelta(0) <= after - written <= QUICK or len(text) > PIECE:
            break
        run.insert(0, text)
        after = written
    return run[-PIECES:]


def read_burst(earlier: Sequence[str], text: str, alone: Assessment, year: int) -> Assessment | None:
    """The check or crisis reading of ``earlier`` pieces and ``text`` together, when it is higher than
    ``text`` alone reads; None otherwise. A crisis read only by the learned layer in the joined words is
    asked about (a check), never paged: joining words the layer never saw together is new to it; so is one
    that rests on a weak sign (a time, a place)."""
    if not earlier or len(text) > PIECE or alone.level.rank >= Level.CHECK.rank:
        return None
    joint = assess(". ".join([*earlier, text]), year=year)
    if joint.level.rank <= max(alone.level.rank, Level.RELAPSE.rank):
        return None
    # Paged only on a sign that is not weak in every part: "bye" then "tonight" is asked about, not paged (a
    # time of day or a place read across two messages is how unrelated lines join: "see you tonight").
    weak = default_rules().composition.weak
    ruled = [r for r in joint.reasons if r.startswith("crisis:") and not families([r]) & weak]
    if joint.level == Level.CRISIS and any(families([r]) for r in ruled):
        return Assessment(Level.CRISIS, (READ_TOGETHER, *joint.reasons), joint.language, joint.clauses)
    asked = [f"check:{r.partition(':')[2]}" if r.startswith("crisis:") else r for r in joint.reasons]
    return Assessment(Level.CHECK, (CHECK_TOGETHER, *asked), joint.language, joint.clauses)
