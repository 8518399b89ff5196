"""Session 22 (en20), newcomer N227: harm from past drinking or using ("got some bad news from the doctor, my liver is
messed up from the drinking. scared") read as a use. A medical worry about the past tells no use; with a recent time
or a day beside it ("from the drinking i did yesterday", "last weekend"), or hungover, it does. Paraphrases written
for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "got some bad news from the doctor, my liver is messed up from the drinking. scared",
        "doc says my pancreas is shot from years of drinking",
        "my teeth are wrecked from all the drugs",
        "the nurse said the damage is from years of using, not recent",
    ],
)
def test_harm_from_past_drinking_tells_no_use(text: str) -> None:
    assert assess(text).level < Level.RELAPSE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "my liver hurts from the drinking i did yesterday",
        "hungover from the drinking last night",
        "i got sick from drinking last night",
    ],
)
def test_with_a_recent_time_it_is_a_use(text: str) -> None:
    assert assess(text).has(Level.RELAPSE), (text, assess(text).reasons)
