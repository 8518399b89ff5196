"""The rules' unit tests check the rules: their minimal pairs ("would the pills be enough" against "would 2
advil be enough for this headache") test the frames' composition, which an n-gram model cannot follow. The
learned layer (bot/domain/screen/ngrams.py) is tested in test_ngrams*.py, and the whole screen, rules and
model together, is measured on the corpora in test_screen_eval.py (the locked targets)."""

from __future__ import annotations

import os

import pytest

WHOLE_SCREEN = (
    "test_screen_eval",
    "test_ngrams",
    "test_ngrams_relapse_en",
    "test_ngrams_r18",
    "test_ngrams_r19",
    "test_ngrams_r20",
    "test_ngrams_r21",
)


@pytest.fixture(autouse=True)
def _rules_alone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    # SCREEN_TESTS_WITH_LAYER=1 runs them on the whole screen: which pinned hard negatives the layer pages on
    whole = os.environ.get("SCREEN_TESTS_WITH_LAYER") == "1"
    if not whole and request.module.__name__.rsplit(".", 1)[-1] not in WHOLE_SCREEN:
        monkeypatch.setattr("bot.domain.screen.assess.learned_reason", lambda *_: None)
        monkeypatch.setattr("bot.domain.screen.assess.learned_relapse", lambda *_: None)
