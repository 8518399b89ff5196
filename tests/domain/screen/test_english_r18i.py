"""English, session 18 (en15): going to bed after the evening's medication is sleep, not pills kept by the bed (newcomer
N96 list: "took my meds and went to bed early" was asked about as means at hand). Pills laid by the bed, all of them
taken, and going to bed not to wake up are still read. Paraphrases written for this test; rules alone (conftest.py turns
the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "took my night meds and headed to bed",
        "took my meds and went to bed, night all",
        "took my meds and went to bed early for once",
        "took my evening meds and im off to bed",
    ],
)
def test_bed_after_the_evening_meds_is_sleep(text: str) -> None:
    result = assess(text)
    assert result.level < Level.CHECK, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i have all my pills by my bed",
        "took all my pills and went to bed",
        "going to bed and not waking up",
    ],
)
def test_pills_by_the_bed_or_bed_not_to_wake_is_still_read(text: str) -> None:
    crisis(text)
