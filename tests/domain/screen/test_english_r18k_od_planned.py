"""Session 18 (en16, newcomer N107): "i keep thinking about just taking all my seroquel at once and going to sleep" is
a plan with pills (overdose_planned), as "thinking about taking all my pills" is: it got the "overdose under way"
answer and card. Pills told as taken stay an overdose. Paraphrases written for this test; rules alone (conftest.py
turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import assess


@pytest.mark.parametrize(
    "text",
    [
        "i keep thinking about just taking all my seroquel at once and going to sleep",
        "i keep thinking about taking all my pills",
        "keep thinkin about swallowing the whole bottle of xanax",
        "i keep thinking about taking every one of my sleeping pills tonight",
    ],
)
def test_a_thought_kept_of_taking_all_the_pills_is_a_plan(text: str) -> None:
    assert "crisis:overdose_planned" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "i took all my seroquel at once and im going to sleep",
        "i keep thinking about how i took all my pills an hour ago",
    ],
)
def test_pills_told_as_taken_stay_an_overdose(text: str) -> None:
    result = assess(text)
    assert "crisis:overdose" in result.reasons, result.reasons
