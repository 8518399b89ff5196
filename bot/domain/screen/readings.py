"""What the rules read as an idiom: the crisis frames a text's words would fire but for the words that
follow them ("kill me" + "if i leave the dishes", "make him pay" + "me back": a frame's ``after`` in
screen_frames.toml).

The n-gram layer (ngrams.py) sees "kill me" and not why the rules let it go. Where the rules read a crisis
frame's words as an idiom, the layer's crisis becomes a check naming the frame (assess.py): the patient
is asked, nobody is paged, and a clinician sees both readings. Where a negation cancelled the frame
("no estoy pensando en matarme"), the layer's crisis is a check unless the model is nearly sure
(ngrams.SURE_WHEN_NEGATED): a plain veto there lost real crises the layer had caught ("si no le abro me va
a matar", "tonight is the night. im not gonna be here tomorrow", most above p 0.85), measured writer by
writer (benchmarks/train_screen_ngrams.py --lowo). Ordinary context (``blockers``, ``unless``) holds
nothing back: vetoing there spared no benign text on the independent writers.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace

from bot.domain.screen.match import fired
from bot.domain.screen.ngrams import NEGATED
from bot.domain.screen.rules import Rules
from bot.domain.screen.tag import Clause, tag

_lock = threading.Lock()
# (id(rules), what is relaxed) -> (rules, the same without idiom readings, or without negation)
_relaxed: dict[tuple[int, str], tuple[Rules, Rules]] = {}


def without_idioms(rules: Rules, relax: str = "after") -> Rules:
    """The same frames with no idiom tail to stop them (``after`` emptied), or (`relax` "negation") with
    none cancelled by a negation."""
    with _lock:
        kept = _relaxed.get((id(rules), relax))
        if kept is None or kept[0] is not rules:
            if relax == "after":
                frames = tuple(replace(f, after=frozenset()) for f in rules.frames)
            else:
                frames = tuple(replace(f, negatable=False) for f in rules.frames)
            kept = (rules, replace(rules, frames=frames, _by_language={}))
            _relaxed[(id(rules), relax)] = kept
        return kept[1]


def dismissed(
    clauses: list[tuple[Clause, int]], lang: str, rules: Rules, reasons: Sequence[str]
) -> tuple[str, ...]:
    """The crisis frames (names) that fire in these clauses once idiom tails are ignored and that the
    rules, reading them, did not fire; then, named ``not:<frame>`` (ngrams.NEGATED), those a negation
    cancelled ("i'm not thinking about killing myself", "no es que me quiera morir")."""
    kept = set(reasons)
    idioms = [
        r for r in fired(clauses, lang, without_idioms(rules)) if r.startswith("crisis:") and r not in kept
    ]
    negated = [
        r
        for r in fired(clauses, lang, without_idioms(rules, "negation"))
        if r.startswith("crisis:") and r not in kept
    ]
    named = sorted(r.split(":", 1)[1] for r in idioms)
    return (*named, *sorted(NEGATED + r.split(":", 1)[1] for r in negated if r not in idioms))


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
