"""The frames of one language indexed for the matcher (bot/domain/screen/match.py): which frames a clause's
concepts can fire at all, worked out once per set of concepts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import permutations, repeat
from typing import TYPE_CHECKING

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
    order (one entry per slot order), ``starting`` the numbers whose first slot holds a concept,
    ``holding`` the slots that hold a concept. A clause's concepts then say, with set operations,
    which frames could fire at all."""

    table: list[Candidate]
    starting: dict[str, frozenset[int]]
    holding: dict[str, frozenset[int]]
    needs: tuple[frozenset[int], ...]  # per number: the slots its frame needs (as in `table`)
    blockers: tuple[frozenset[str], ...]  # per number: its frame's blockers
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
            # the frames each concept starts and the slots each holds, joined in C (a new set of concepts is
            # the cold path: a long message's first reading meets dozens)
            numbers = sorted(_NONE.union(*map(self.starting.get, seen, repeat(_NONE))))
            slots = _NONE.union(*map(self.holding.get, seen, repeat(_NONE)))
            needs, blockers = self.needs, self.blockers
            found = tuple(n for n in numbers if needs[n] <= slots and blockers[n].isdisjoint(seen))
            if len(self._candidates) >= _CANDIDATE_SETS:
                self._candidates.clear()  # bounded: a flood of odd messages cannot grow it without end
            self._candidates[seen] = found
        return found

    @classmethod
    def build(cls, frames: Iterable[Frame], rank: Mapping[str, int]) -> FrameIndex:
        numbers: dict[frozenset[str], Slot] = {}
        table: list[Candidate] = []
        starting: dict[str, list[int]] = {}
        holding: dict[str, list[int]] = {}
        for frame in frames:
            slots = tuple(numbers.setdefault(s, Slot(len(numbers), s)) for s in frame.slots)
            needs = frozenset(s.number for s in slots)
            for order in [slots] if frame.ordered else _orders(slots):
                for concept in order[0].concepts:
                    starting.setdefault(concept, []).append(len(table))
                table.append((frame, order, rank[frame.level], needs, frame.level == _SIGNAL))
        for slot in numbers.values():
            for concept in slot.concepts:
                holding.setdefault(concept, []).append(slot.number)
        return cls(
            table,
            {c: frozenset(n) for c, n in starting.items()},
            {c: frozenset(n) for c, n in holding.items()},
            tuple(entry[3] for entry in table),
            tuple(entry[0].blockers for entry in table),
        )


def _orders(slots: tuple[Slot, ...]) -> list[tuple[Slot, ...]]:
    return list(dict.fromkeys(permutations(slots)))
