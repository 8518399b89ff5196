"""What the rules read as an idiom: the crisis frames a text's words would fire but for the words that
follow them ("kill me" + "if i leave the dishes", "make him pay" + "me back": a frame's ``after`` in
screen_frames.toml).

The n-gram layer (ngrams.py) sees "kill me" and not why the rules let it go. Where the rules read a crisis
frame's words as an idiom, the layer's crisis becomes a check naming the frame (assess.py): the patient
is asked, nobody is paged, and a clinician sees both readings. Only the idiom readings: measured writer
by writer (benchmarks/train_screen_ngrams.py --lowo), vetoing where the rules' negation or ordinary
context (``blockers``, ``unless``) cancelled a frame lost real crises the layer had caught ("si no le abro
me va a matar") and spared no benign text on the independent writers.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace

from bot.domain.screen.match import fired
from bot.domain.screen.rules import Rules
from bot.domain.screen.tag import Clause, tag

_lock = threading.Lock()
_relaxed: dict[int, tuple[Rules, Rules]] = {}  # id(rules) -> (rules, the same without idiom readings)


def without_idioms(rules: Rules) -> Rules:
    """The same frames with no idiom tail to stop them (``after`` emptied)."""
    with _lock:
        kept = _relaxed.get(id(rules))
        if kept is None or kept[0] is not rules:
            frames = tuple(replace(f, after=frozenset()) for f in rules.frames)
            kept = (rules, replace(rules, frames=frames, _by_language={}))
            _relaxed[id(rules)] = kept
        return kept[1]


def dismissed(
    clauses: list[tuple[Clause, int]], lang: str, rules: Rules, reasons: Sequence[str]
) -> tuple[str, ...]:
    """The crisis frames (names) that fire in these clauses once idiom tails are ignored and that the
    rules, reading them, did not fire."""
    found = fired(clauses, lang, without_idioms(rules))
    kept = set(reasons)
    return tuple(sorted(r.split(":", 1)[1] for r in found if r.startswith("crisis:") and r not in kept))


def dismissed_in(
    window: str, text: str, lang: str, clauses: list[tuple[Clause, int]], rules: Rules, reasons: Sequence[str]
) -> tuple[str, ...]:
    """`dismissed` for the part of `text` that decided the layer's reading (ngrams.read): an idiom in
    another sentence of a long message holds nothing back."""
    if window == text:
        return dismissed(clauses, lang, rules, reasons)
    lang, here = tag(window, rules)
    found = fired(here, lang, rules)
    return dismissed(here, lang, rules, tuple(found))
