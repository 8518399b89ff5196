"""Session 20 (en18): a plan, as last round's held-out writers told it and the rules missed (G11 plan, rules alone 16/20):
the place or the day decided ("i already decide the place"), and a plan "figured out" with its means named near it
("i have it figured out. sunday morning the camp is empty. rope is in my cart"). Also the lead's note: feeling like
garbage ABOUT it, beside "its not like i went on a bender", is guilt over a use (a relapse told), not worthlessness.
Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow i will go to the bridge early when nobody is there. i already decide the place",
        "i decided the day. its friday",
        "already chose the spot by the river",
        "i decided the night, after the kids are asleep",
    ],
)
def test_the_place_or_the_day_decided_is_a_plan(text: str) -> None:
    crisis(text, "crisis:plan")


@pytest.mark.parametrize(
    "text",
    [
        "we decided the place for the party, its gonna be fun",
        "i picked the date for my wedding finally",
    ],
)
def test_a_party_or_a_wedding_date_decided_is_no_plan(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i have it figured out. sunday morning nobody is around. rope is in my bag",
        "going out to the lake saturday with my pills and a bottle. got it all figured out",
        "got it figured out. the gun is in the truck. tomorrow",
        "i have everything figured out. the pills are in the drawer and the house is empty friday",
    ],
)
def test_a_plan_figured_out_with_the_means_named_near_it_pages(text: str) -> None:
    crisis(text, "crisis:plan")


@pytest.mark.parametrize(
    "text",
    [
        "got it all figured out for the camping trip, rope and tarps are packed",
        "i have it figured out, my pill organizer works great now",
        "i have it figured out, algebra finally makes sense",
    ],
)
def test_a_trip_a_pill_organizer_or_algebra_figured_out_is_no_plan(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i feel like garbage about it but its not like i went on a bender",
        "feeling like crap about it, wasnt a bender or anything",
        "felt like shit about that. not like i went on a binge",
        "i feel like trash about it but its not like i went on a run",
    ],
)
def test_guilt_about_it_with_a_bender_denied_is_no_relapse_and_no_worthlessness(text: str) -> None:
    # session 21 (en19): the round 21 brief reads the bender denied as no use told (session 20 read it as a relapse)
    result = assess(text)
    assert not result.has(Level.RELAPSE), result.reasons
    assert "check:hopeless" not in result.reasons, result.reasons


@pytest.mark.parametrize("text", ["i feel like garbage", "i feel like trash honestly, nobody would care"])
def test_feeling_like_garbage_said_of_myself_is_still_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK, assess(text).reasons
