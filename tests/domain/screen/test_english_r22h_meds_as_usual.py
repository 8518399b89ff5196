"""Session 22 (en20): all of my medication taken as usual ("took all my meds this morning like always", "with
breakfast", "my morning meds") read as an overdose. Adherence is nothing; all my pills at once, a bottle beside them,
or a whole month's are still an overdose. Paraphrases written for this test, not corpus messages; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "took all my meds this morning like always",
        "took all my pills with breakfast like usual",
        "took all my meds like i do every morning",
        "took all my morning meds, feeling ok",
        "took all my pills as usual and went to work",
    ],
)
def test_all_my_meds_taken_as_usual_is_nothing(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "took all my pills at once",
        "took all my meds this morning and a bottle of tylenol",
        "took all my pills like always and then took the rest of the bottle of tylenol",
        "just took all my meds, all of them, the whole month",
    ],
)
def test_all_my_pills_at_once_is_still_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")
