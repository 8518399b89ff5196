"""The frames of one language indexed for the matcher (bot/domain/screen/match.py): which frames a clause's
concepts can fire at all, worked out once per set of concepts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import permutations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.domain.screen.rules import Frame


@dataclass(frozen=True)
class Slot:
    """One of a frame's slots, numbered so that a clause's matches can be remembered per slot."""

    number: int
    concepts: frozenset[str]


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
    starting: dict[str, tuple[int, ...]]
    holding: dict[str, tuple[int, ...]]
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
            starting, holding = self.starting, self.holding
            numbers = {n for concept in seen for n in starting.get(concept, ())}
            slots = {n for concept in seen for n in holding.get(concept, ())}
            found = tuple(
                n for n in sorted(numbers)
                if self.table[n][3] <= slots and self.table[n][0].blockers.isdisjoint(seen)
            )  # fmt: skip
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
            table, {c: tuple(n) for c, n in starting.items()}, {c: tuple(n) for c, n in holding.items()}
        )


def _orders(slots: tuple[Slot, ...]) -> list[tuple[Slot, ...]]:
    return list(dict.fromkeys(permutations(slots)))
