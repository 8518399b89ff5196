"""The frames of one language indexed for the matcher (bot/domain/screen/match.py): which frames a clause's
concepts can fire at all, worked out once per set of concepts."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import permutations, repeat
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
    ``rest`` per number its other slots' concepts. A clause's concepts then say which frames could fire."""

    table: list[Candidate]
    keyed: dict[str, frozenset[int]]
    rest: tuple[tuple[frozenset[str], ...], ...]  # per number: the concepts of each of its other slots
    # per number: its frame's blockers and its `unless` (none of them anywhere in the sentence, and a clause's
    # concepts are its sentence's: a clause that holds one cannot fire the frame, so it is no candidate)
    blockers: tuple[frozenset[str], ...]
    # A clause's concepts -> the frames that can fire in it. Clauses share few concept sets (a long message
    # repeats its kinds of clause), and most frames a concept starts lack a slot: each set is worked out once.
    # Filed under the set's hash, with its concepts as a tuple to tell it from another set of the same hash:
    # tuples of strings and ints, which the garbage collector stops tracking, where 40,000 frozenset keys
    # (590,000 concepts in all, after the benchmark's warm-up) were walked by every full collection.
    _candidates: dict[int, tuple[tuple[str, ...], tuple[int, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _order: deque[int] = field(default_factory=deque, compare=False, repr=False)  # its keys, oldest first

    def candidates(self, seen: frozenset[str]) -> tuple[int, ...]:
        """The numbers of the frames whose every slot holds one of `seen` and no blocker or `unless` is among `seen`,
        in the frames file's order (so the same text always gives the same reasons)."""
        key = hash(seen)
        kept = self._candidates.get(key)
        # the same set: as many concepts, all of them in it (a set's concepts are distinct)
        if kept is not None and len(kept[0]) == len(seen) and seen.issuperset(kept[0]):
            return kept[1]
        # the frames filed under the clause's concepts, joined in C, then each one's other slots (a new
        # set of concepts is the cold path: a long message's first reading meets dozens), in plain loops:
        # a map and an any() per frame cost more than the test itself
        numbers = _NONE.union(*map(self.keyed.get, seen, repeat(_NONE)))
        rest, blockers, apart = self.rest, self.blockers, seen.isdisjoint
        fits = []
        for n in sorted(numbers):
            for concepts in rest[n]:
                if apart(concepts):
                    break
            else:
                if apart(blockers[n]):
                    fits.append(n)
        found = tuple(fits)
        make_room(
            self._candidates, _CANDIDATE_SETS, self._order
        )  # bounded: a flood of odd messages cannot grow it
        if key not in self._candidates:
            self._order.append(key)
        self._candidates[key] = (tuple(seen), found)
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
        rest: list[tuple[frozenset[str], ...]] = []
        for n, (_, order, *_) in enumerate(table):
            key = min(order, key=lambda slot: (sum(shared[c] for c in slot.concepts), slot.number))
            for concept in key.concepts:
                keyed.setdefault(concept, set()).add(n)
            rest.append(tuple(slot.concepts for slot in order if slot is not key))
        return cls(
            table,
            {c: frozenset(n) for c, n in keyed.items()},
            tuple(rest),
            tuple(entry[0].blockers | entry[0].unless for entry in table),
        )


def _orders(slots: tuple[Slot, ...]) -> list[tuple[Slot, ...]]:
    return list(dict.fromkeys(permutations(slots)))
