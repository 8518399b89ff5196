"""Session 19 (en17): three families the rules missed on last round's held-out writers (now development text).
Paraphrases written for this test; rules alone (conftest.py turns the layer off).

- a wish that a vehicle or a machine runs me down, any vehicle, named or not (accident_wish);
- my life insurance worth more to them than me, or what they would get from it (burden);
- driving off the road or yanking the wheel, thought of or pictured (method).
"""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "some days i half hope the forklift just runs me over",
        "keep hoping some drunk t-bones me on the drive home",
        "wish a bus would run me down tbh",
        "praying a semi plows into me on 40",
        "i lowkey want a garbage truck to flatten me",
    ],
)
def test_hoping_something_runs_me_over_pages(text: str) -> None:
    crisis(text, "crisis:accident_wish")


@pytest.mark.parametrize(
    "text",
    [
        "hope the dog doesnt run me over when i open the door lol",
        "my kid ran me over with his bike at the park",
        "i hope the tractor gets fixed so it doesnt run me down again in the field",
    ],
)
def test_a_dog_a_kid_or_a_repair_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my family be better off cashing in the insurance than dealing with me",
        "theyd get my life insurance and never have to worry bout me again",
        "the insurance money would do more for her and the kids than i ever could",
        "honestly she'd rather have my life insurance than me",
        "they'd collect on my life insurance and be done with my mess",
    ],
)
def test_my_insurance_worth_more_than_me_pages(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "my life insurance through work costs more than my phone bill",
        "she'd get my life insurance through the union if anything happened, need to update the form",
        "car insurance went up more than my rent did",
    ],
)
def test_a_policys_cost_or_paperwork_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "thought about just drivin off the side of the interstate on the way home",
        "every time i cross that bridge i picture yanking the wheel into the rail",
        "i keep thinking about driving off the road up on the mountain pass",
        "i want to jerk the wheel into oncoming traffic",
        "part of me wants to steer into the pillar",
    ],
)
def test_driving_off_the_road_thought_of_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "slid off the road on the ice last night, car is in the ditch but im ok",
        "thinking about driving off to the coast this weekend",
        "had to jerk the wheel to miss a deer on 287",
    ],
)
def test_a_skid_a_trip_or_a_deer_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "got the pocketknife out and im carving on my leg again",
        "carving my arm again",
        "been carvin into my thigh with a razor",
        "i keep carving into my hip at night",
    ],
)
def test_carving_my_skin_is_cutting(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize("text", ["carving pumpkins with the kids tonight", "he carves wood in the garage"])
def test_carving_wood_or_a_pumpkin_is_not(text: str) -> None:
    not_crisis(text)
