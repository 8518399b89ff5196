"""Session 22 (en20), newcomer N210: progress after a lapse ("day 2 clean again after the slip", "dumped the rest of the
bottle down the sink") read as a new use. A lapse told with no progress, or a use after clean days, is still a
relapse. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "day 2 clean again after the slip, feeling good",
        "dumped the rest of the bottle down the sink",
        "3 days clean after my relapse, one day at a time",
        "a week sober since i slipped up at the wedding",
        "poured the rest of the vodka down the drain",
        "flushed the rest of the pills after the slip",
        "got rid of my stash after the relapse, back on track",
        "been going to meetings every day since my lapse",
        "since the relapse ive been to a meeting every day",
        "its been 4 days since my relapse and im feeling stronger",
        "after my slip on saturday i called my sponsor and ive been clean since",
        "told my sponsor about the slip, 5 days clean now",
    ],
)
def test_progress_after_a_lapse_is_no_new_use(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "2 days clean then used again last night",
        "woke up sick as hell after the bender last night",
        "i was 3 days clean and then i slipped yesterday",
        "drank the rest of the bottle last night",
        "since the slip ive been drinking every day",
        "since the bender my head is killing me",
        "after the relapse i drank again on sunday",
    ],
)
def test_a_use_after_clean_days_is_still_a_relapse(text: str) -> None:
    assert assess(text).level == Level.RELAPSE, (text, assess(text).reasons)
