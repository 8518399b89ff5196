"""English, session 18 (en15): two idioms from newcomer N96's list. "Had a few too many" is a drinking idiom, a use told,
not an overdose ("had a few too many saturday" paged crisis:overdose); an ordeal called suicide ("that meeting was
suicide") is no suicidal thought. Suicide thought of, or a death by suicide told, is still read. Paraphrases written
for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "had a few too many last friday",
        "had one too many at the wedding saturday",
        "drank one too many on friday",
        "i drank a few too many last night",
    ],
)
def test_a_few_too_many_is_a_use_told_not_an_overdose(text: str) -> None:
    result = not_crisis(text)
    assert result.has(Level.RELAPSE), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "that class was suicide, never taking 8am again",
        "honestly that workout was suicide lol",
        "the commute is suicide in this snow",
        "this shift was suicide, 14 hours on my feet",
    ],
)
def test_an_ordeal_called_suicide_is_an_idiom(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i think about suicide every day",
        "took a few too many xanax last night",
    ],
)
def test_suicide_thought_of_or_pills_taken_is_still_read(text: str) -> None:
    crisis(text)
