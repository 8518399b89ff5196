"""The crisis screen measured on its labelled corpus: the locked test part and the development part.

The locked part was written from the clinical frames before the concept screen existed and is never
tuned against: its hash is pinned here, so a change to it fails loudly. Figures print in the test
summary (tests/conftest.py) of every `make test`.
"""

from __future__ import annotations

import pytest

from tests import screen_corpus as corpus

LOCKED = sorted(corpus.DATA.glob("locked_*.txt"))
LOCKED_SHA256 = "165a6ca56da63414ec7e848a797202f0827739b100376bbafb2965ff76e6b6bb"


def test_the_locked_part_is_unchanged_since_it_was_written() -> None:
    assert corpus.sha256(LOCKED) == LOCKED_SHA256, "the locked test part was edited: it must never be tuned"


def test_the_corpus_is_big_enough_and_covers_both_languages() -> None:
    locked = [e for p in LOCKED for e in corpus.read(p)]
    assert {e.language for e in locked} == {"en", "es"}
    assert len(locked) >= 500


@pytest.mark.parametrize("language", ["en", "es"])
def test_locked_part_meets_the_targets(language: str) -> None:
    figures = corpus.evaluate(e for p in LOCKED for e in corpus.read(p))
    assert figures.recall("crisis", language) >= 0.98, corpus.report("locked", figures)
    assert figures.recall("relapse", language) >= 0.90, corpus.report("locked", figures)
    assert figures.benign_as_crisis(language) <= 0.05, corpus.report("locked", figures)
