"""Session 19 (en17, newcomer N140): counting my pills again, or to a number ("counting the pills again. 47") was only
a check: it is stockpiling, a crisis. Pills counted for work, a refill or an organizer, or the kids counted at the
park are not. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "counting the pills again. 47",
        "counting my pills again",
        "counted my pills, 62 now",
        "sat on the floor recounting the pills again",
    ],
)
def test_counting_my_pills_pages(text: str) -> None:
    crisis(text, "crisis:stockpiling")


@pytest.mark.parametrize(
    "text",
    [
        "counting pills at work for inventory",
        "counting my pills into the weekly organizer",
        "counting the kids again before we leave the park",
    ],
)
def test_work_an_organizer_or_the_kids_is_not(text: str) -> None:
    not_crisis(text)
