"""Session 22 (en20), newcomer N227: "i shot my shot with the girl from group lol she said yes" (asked her out) read as
a use (a shot, and "girl" as cocaine). Shooting my shot is asking someone out; a shot drunk, shooting up, or shooting
myself still read as before. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "i shot my shot with the girl from group lol she said yes",
        "finally shot my shot, she gave me her number",
        "gonna shoot my shot at the bbq saturday",
        "my buddy told me to shoot my shot with the new girl at work",
    ],
)
def test_shooting_my_shot_is_asking_out(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text", ["did a shot with the girl from work last night", "shot up with my ex last night"]
)
def test_a_shot_drunk_or_shooting_up_is_still_a_use(text: str) -> None:
    assert assess(text).level == Level.RELAPSE, (text, assess(text).reasons)


def test_shooting_myself_still_pages() -> None:
    crisis("i want to shoot myself")
