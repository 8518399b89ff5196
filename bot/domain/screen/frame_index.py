"""The frames of one language indexed for the matcher (bot/domain/screen/match.py): which frames a clause's
concepts can fire at all, worked out once per set of concepts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import compress, permutations, repeat
from typing import TYPE_CHECKING

from bot.domain.screen.text import make_room

if TYPE_CHECKING:
    from bot.domain.screen.rules import Frame


@dataclass(frozen=True)
class Slot:
    """One of a frame's slots, numbered so that a clause's matches can be remembered per slot."""

    number: int
    concepts: frozenset[str]


_NONE: frozenset[int] = frozenset()
_SIGNAL = "signal"  # rules.SIGNAL (rules.py imports this module)
_CANDIDATE_SETS = 20_000  # clause concept sets remembered per language (a few MB at most)
# A frame, one order of its slots, its level's rank, the numbers of the slots it needs, and whether it is
# a signal frame (remembered per sentence, not per message).
Candidate = tuple["Frame", tuple[Slot, ...], int, frozenset[int], bool]


@dataclass(frozen=True)
class FrameIndex:
    """The frames of one language as the matcher reads them: ``table`` numbered in the frames file's
    order (one entry per slot order); ``keyed`` the numbers filed under each concept of one slot of
    theirs, the slot whose concepts the fewest slots share (a frame can fire only where every slot is
    met, so any one of them tells where it cannot; "DESIRE" or "NEG" start dozens of frames, "PILL" few);
    ``slots_of`` and ``blocked_by`` per concept the slots it fills and the frames it blocks, ``needs`` per
    number its slots. A clause's concepts then say which frames could fire, in a few set operations."""

    table: list[Candidate]
    keyed: dict[str, frozenset[int]]
    slots_of: dict[str, frozenset[int]]  # per concept: the numbers of the slots that hold it
    blocked_by: dict[str, frozenset[int]]  # per concept: the numbers of the frames it blocks
    needs: tuple[frozenset[int], ...]  # per number: the numbers of its frame's slots
    # A clause's concepts -> the frames that can fire in it. Clauses share few concept sets (a long message
    # repeats its kinds of clause), and most frames a concept starts lack a slot: each set is worked out once.
    _candidates: dict[frozenset[str], tuple[int, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def candidates(self, seen: frozenset[str]) -> tuple[int, ...]:
        """The numbers of the frames whose every slot holds one of `seen` and no blocker is among `seen`,
        in the frames file's order (so the same text always gives the same reasons)."""
        found = self._candidates.get(seen)
        if found is None:
            # A new set of concepts is the cold path (a long message's first reading meets dozens), worked
            # out in C: the frames filed under the clause's concepts, less those it blocks, that have every
            # slot among the slots its concepts fill.
            keyed = _NONE.union(*map(self.keyed.get, seen, repeat(_NONE)))
            numbers = sorted(keyed.difference(*map(self.blocked_by.get, seen, repeat(_NONE))))
            filled = _NONE.union(*map(self.slots_of.get, seen, repeat(_NONE)))
            found = tuple(compress(numbers, map(filled.issuperset, map(self.needs.__getitem__, numbers))))
            make_room(self._candidates, _CANDIDATE_SETS)  # bounded: a flood of odd messages cannot grow it
            self._candidates[seen] = found
        return found

    @classmethod
    def build(cls, frames: Iterable[Frame], rank: Mapping[str, int]) -> FrameIndex:
        numbers: dict[frozenset[str], Slot] = {}
        table: list[Candidate] = []
        for frame in frames:
            slots = tuple(numbers.setdefault(s, Slot(len(numbers), s)) for s in frame.slots)
            needs = frozenset(s.number for s in slots)
            for order in [slots] if frame.ordered else _orders(slots):
                table.append((frame, order, rank[frame.level], needs, frame.level == _SIGNAL))
        # how many slots of this language's frames hold each concept: the fewer, the rarer a slot's match
        shared = Counter(c for _, order, *_ in table for slot in order for c in slot.concepts)
        keyed: dict[str, set[int]] = {}
        blocked_by: dict[str, set[int]] = {}
        for n, (frame, order, *_) in enumerate(table):
            key = min(order, key=lambda slot: (sum(shared[c] for c in slot.concepts), slot.number))
            for concept in key.concepts:
                keyed.setdefault(concept, set()).add(n)
            for concept in frame.blockers:
                blocked_by.setdefault(concept, set()).add(n)
        slots_of: dict[str, set[int]] = {}
        for slot in numbers.values():
            for concept in slot.concepts:
                slots_of.setdefault(concept, set()).add(slot.number)
        return cls(
            table,
            {c: frozenset(n) for c, n in keyed.items()},
            {c: frozenset(n) for c, n in slots_of.items()},
            {c: frozenset(n) for c, n in blocked_by.items()},
            tuple(entry[3] for entry in table),
        )


def _orders(slots: tuple[Slot, ...]) -> list[tuple[Slot, ...]]:
    return list(dict.fromkeys(permutations(slots)))
