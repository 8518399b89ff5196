"""Session 22 (en20), newcomer N214: "his speech about hitting rock bottom had everyone crying" (a sponsor's talk at a
meeting) read craving:use: "hitting" a "rock" as a crack hit. "Rock bottom" is the recovery idiom: someone's story of
it is nothing; my own, said now, is a low point asked about (a check); a use told beside it is still a relapse.
Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "his speech about hitting rock bottom had everyone crying",
        "my sponsor told his story about hitting rock bottom in 09",
        "the speaker at the meeting talked about when she hit rock bottom, so powerful",
        "the guy in group said hitting rock bottom saved his life",
        "when i hit rock bottom back in 2015 i went to rehab",
    ],
)
def test_a_story_of_rock_bottom_is_nothing(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text", ["i hit rock bottom", "im at rock bottom tonight", "ive finally hit rock bottom"]
)
def test_my_own_rock_bottom_now_is_asked_about(text: str) -> None:
    assert assess(text).level == Level.CHECK, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "i hit rock bottom last night and used",
        "hit rock bottom, smoked some rock last night",
        "i feel like i hit rock bottom, i relapsed again",
    ],
)
def test_a_use_told_beside_it_is_still_a_relapse(text: str) -> None:
    assert assess(text).has(Level.RELAPSE), (text, assess(text).reasons)
