"""The crisis screen measured on its labelled corpus: the locked test part and the development part.

The locked part (tests/data/screen/locked_*.txt) was written from the clinical frames before the
concept screen existed and is never tuned against: its hash is pinned here, so an edit fails
loudly. Figures and confusion matrices print in the summary of every `make test`
(tests/conftest.py). The honest estimate is the independent held-out set run at review.
"""

from __future__ import annotations

import pytest

from tests.domain.screen import screen_corpus as corpus

LOCKED_SHA256 = "165a6ca56da63414ec7e848a797202f0827739b100376bbafb2965ff76e6b6bb"

# The targets on the locked part, met in both languages. English crisis recall was 97.7 %
# (167 of 171) and was left so rather than tuned against the locked part; the two-signal families,
# built on the development part and the independent writer's corpus2 development file, brought it to
# 98.8 % (169 of 171) without a look at the locked messages.
CRISIS_RECALL = {"en": 0.98, "es": 0.98}
RELAPSE_RECALL = 0.90
BENIGN_AS_CRISIS = 0.05


def test_the_locked_part_is_unchanged_since_it_was_written() -> None:
    paths = sorted(corpus.DATA.glob("locked_*.txt"))
    assert corpus.sha256(paths) == LOCKED_SHA256, "the locked test part was edited: it must never be tuned"


def test_the_corpus_is_big_enough_and_covers_every_level_in_both_languages() -> None:
    locked, dev = corpus.locked(), corpus.development()
    assert len(locked) >= 500 and len(locked) + len(dev) >= 1200
    for part in (locked, dev):
        for language in ("en", "es"):
            levels = {e.level for e in part if e.language == language}
            assert {"crisis", "relapse", "craving", "none"} <= levels


@pytest.mark.parametrize("language", ["en", "es"])
def test_locked_part_meets_the_targets(language: str) -> None:
    figures = corpus.evaluate(corpus.locked())
    report = corpus.report("locked", figures)
    assert figures.recall("crisis", language) >= CRISIS_RECALL[language], report
    assert figures.recall("relapse", language) >= RELAPSE_RECALL, report
    assert figures.benign_as_crisis(language) <= BENIGN_AS_CRISIS, report


def test_a_crisis_scored_check_counts_as_a_miss() -> None:
    crisis = corpus.Example("crisis", "x", "en", "I give up")
    figures = corpus.evaluate([crisis])
    assert figures.recall("crisis", "en") == 0.0
