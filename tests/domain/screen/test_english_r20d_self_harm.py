"""Session 20 (en18): self-harm, means at hand and a passive wish as last round's held-out writers told them and the
rules missed (G11 rules alone: self-harm, means at hand and plan 16/20 each): cutting "right now" said bare, punching a
wall till it bleeds and going on, burning my skin with a lighter, a car running in the garage with me in it, God named
another way ("heavenly father", "my higher power"), pills counted or saved and "there's enough", stepping in front of
"it" (the train named before), a deer rifle thought of. Paraphrases written for this test, not corpus messages; rules
alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "cutting right now. cant stop",
        "cutting rn",
        "cutting right now",
        "im cutting right now and i cant stop",
    ],
)
def test_cutting_right_now_pages(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize("text", ["cutting onions rn", "cutting the grass right now, call you after"])
def test_onions_or_grass_cut_now_do_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "keep punching the cinderblock wall in the garage, knuckles are bleeding and im still doing it",
        "i keep hitting the wall, my hand is bleeding and i cant stop",
        "still punching the door, theres blood everywhere",
        "banging my fists on the wall again till they bleed, keep going",
    ],
)
def test_hitting_a_wall_till_i_bleed_and_going_on_pages(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "I am burning my hand with the lighter. it help the pain inside go away",
        "burnt my wrist with a cig on purpose",
        "been burning my thigh with a lighter where nobody sees",
        "burning my arm with matches tonight",
    ],
)
def test_burning_my_skin_with_a_lighter_pages(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "burned my fingers on the curling iron again this morning",
        "burned my hand on the stove cooking",
        "burnt my finger with the lighter lighting the birthday candles lol",
    ],
)
def test_a_burn_from_a_curling_iron_a_stove_or_candles_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "sitting in the truck in the garage with it running. just wanted somebody to know",
        "in the car in the garage with the motor running",
        "im in the garage with the car running and the door down",
        "sat in my truck in the garage with it on for a while",
    ],
)
def test_a_car_running_in_the_garage_with_me_in_it_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "warming up the truck in the garage with it running, door open",
        "my mechanic had the car in the garage with it running to find the noise",
    ],
)
def test_a_car_warming_up_or_at_the_mechanic_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i pray every night that heavenly father just takes me in my sleep",
        "begging my higher power to just take me",
        "father god please take me home tonight",
        "i just want heavenly father to take me",
    ],
)
def test_god_named_another_way_asked_to_take_me_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my higher power takes me through the hard days",
        "heavenly father take me to group safe today amen",
    ],
)
def test_a_prayer_for_help_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i counted my klonopin tonight. theres enough",
        "been saving my seroquel for a month. i have enough now",
        "counted the pills i stashed. its enough",
        "i been stacking my xanax and ive got enough",
    ],
)
def test_pills_counted_or_saved_and_enough_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "counted my pills, theres enough till my refill",
        "my pill organizer is filled for the week, theres enough till my refill",
    ],
)
def test_enough_till_the_refill_or_for_the_trip_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "keep lookin at the light rail thinking bout stepping in front of it",
        "the train just went by. thinking about stepping in front of it next time",
        "watching the bus go by, want to step in front of it",
        "standing by the tracks thinking of jumping in front of it when it comes",
    ],
)
def test_stepping_in_front_of_a_train_named_before_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "took the light rail to group today, easy ride",
        "the bus was late so i stood in front of it waving lol",
    ],
)
def test_the_light_rail_ridden_or_a_bus_waved_down_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "keep looking at my dads old deer rifle in the closet and thinking how quick it would be",
        "my hunting rifle is in the truck. thinking about using it on myself",
    ],
)
def test_a_deer_rifle_thought_of_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "took my deer rifle to the range with my uncle",
        "cleaning my hunting rifle for deer season",
    ],
)
def test_a_deer_rifle_at_the_range_does_not_page(text: str) -> None:
    not_crisis(text)
