"""Session 21 (en19): passive wish, rules alone (G12/G13 weakest), built from the concept: going to sleep for good
wished or called nice, said in other words ("go to sleep and just stay there"); an accident at work, at war or at sea
that should have got me ("wish that auger woulda got me", "instead of my buddy"). Paraphrases written for this test,
not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "would be real nice to just go to sleep forever tbh",
        "wish i could fall asleep and never wake up",
        "some nights i just want to lay down and not wake up",
        "i want to go to sleep and just stay there",
        "wish i could go to sleep and thats it",
    ],
)
def test_going_to_sleep_for_good_wished_is_a_passive_wish(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "after that double shift i could sleep forever lol",
        "wish i could go to sleep early tonight, long day",
    ],
)
def test_sleeping_in_after_a_shift_is_no_wish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "some days i wish that auger woulda just got me back in 09",
        "wish the IED had got me over there instead of my buddy",
        "if that beam had got me instead of tony everybody would be better off",
        "i keep wishing that wave had took me under",
        "wish the tractor had rolled on me instead of just busting my leg",
    ],
)
def test_an_accident_that_should_have_got_me_is_a_passive_wish(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "wish my dad had got me that truck for christmas",
        "the storm almost got me on the way home, scary",
        "wish the fire department had taken me to the station tour with my class",
    ],
)
def test_a_gift_or_a_near_miss_is_no_wish(text: str) -> None:
    not_crisis(text)
