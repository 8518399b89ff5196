"""Session 21 (en19): rules-alone families where G12 and G13 were weakest (method, means at hand, passive wish), built
from the concept, not from one sentence. In a car in the garage with the door down, the keys in or the engine on;
pills counted, stared at or the math done on them; a disaster or an accident that would take me, accepted or hoped
for. Paraphrases written for this test, in several registers, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "in my truck in the garage, door is down",
        "sat in the car in the garage for an hour. keys in the ignition. havent started it",
        "I am sitting in my car in the garage with the engine running",
        "in the van in the garage rn. garage is shut. just wanted someone to know",
        "the car in the garage, keys are in my hand, thats where im at",
    ],
)
def test_in_a_car_in_a_shut_garage_is_a_method_at_hand(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "sitting in the car in the garage on a call so the kids dont hear, door is closed lol",
        "warming up the truck in the garage, door open, its freezing",
        "my car in the garage needs an oil change, keys are in the kitchen",
    ],
)
def test_a_call_a_warm_up_or_an_oil_change_in_the_garage_is_no_method(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "poured all my seroquel out on the bed. counting them",
        "got my pills lined up on the desk, keep counting them",
        "been staring at my meds for an hour",
        "looking at the oxy bottle in my nightstand and doing the math in my head",
        "my klonopin is in front of me. counted them twice",
    ],
)
def test_pills_counted_or_stared_at_are_means_at_hand(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "counting my pills for the pharmacy, they shorted me again",
        "counting my meds into the weekly organizer",
        "doing the math on my insurance copay for the meds, ugh",
    ],
)
def test_pills_counted_for_the_pharmacy_or_the_organizer_are_no_means(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "if a tornado took the trailer with me in it i would be ok with that",
        "kinda hoping an avalanche gets me on the mountain this weekend",
        "honestly if i got in a wreck on the way home i wouldnt mind",
        "wish the furnace would leak some night and take me",
        "if lightning hit me on the job site i think id be at peace with it",
    ],
)
def test_a_disaster_that_would_take_me_accepted_or_hoped_for_is_a_passive_wish(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "if the hurricane closes the office i wouldnt mind a day off",
        "if the storm cancels school tomorrow id be ok with that",
        "if my old car got in a wreck i wouldnt even care, its a junker and the insurance would pay",
        "whiskey lullaby wrecks me every time, love that song",
    ],
)
def test_a_storm_welcome_for_a_day_off_or_a_song_is_no_wish(text: str) -> None:
    not_crisis(text)
