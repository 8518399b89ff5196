"""Session 18 (en16, findings-16 re-check): the check-ins or reminders no longer needed after a day ("i won't be
needing these check-ins after tonight") is a last time (crisis; a check by the layer only). Graduating, finishing the
program, a new app or a new phone is not. Paraphrases written for this test; rules alone (conftest.py turns the layer
off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i won't be needing these check-ins after tonight",
        "i wont be needing these check ins after today",
        "i wont need these check-ins after this weekend",
        "wont be needing the reminders after tonight",
    ],
)
def test_the_check_ins_not_needed_after_a_day_is_a_last_time(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i wont be needing these check-ins after i graduate the program friday",
        "i won't need these check-ins after tonight, im switching to the new app",
        "wont be needing the reminders after today, finishing iop this week",
    ],
)
def test_graduating_or_a_new_app_is_not(text: str) -> None:
    not_crisis(text)
