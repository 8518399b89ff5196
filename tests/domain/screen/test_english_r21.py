"""Session 21 (en19, newcomer N171, P1): overdoses under way told in street words were read as a relapse. A whole,
half or most of a bottle (box, pack) of a medicine drunk or taken, whatever the reason; a body sign now in street words
(heavy, eyes that will not stay open, seeing bugs, a heart going crazy) beside a use, a drug or a medicine; a sedative
with a fifth or a bottle of liquor. Paraphrases written for this test, in several registers, not corpus messages;
rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "drank a whole bottle of dayquil lol cant sleep",
        "chugged half the bottle of benadryl to knock myself out",
        "downed the rest of the cough syrup, all of it",
        "I took half a bottle of my Tylenol PM last night because I could not sleep, I feel a little strange",
        "i have drink the whole bottle of the nyquil for sleeping",
        "so basically i couldnt sleep again and was so done with laying there so i went to the bathroom and chugged "
        "like half the bottle of zzzquil and now im just laying here",
        "lol downed half a box of benadryl just to knock out",
        "ok dont freak but i swallowed the whole pack of my sleep aids",
        "my 4 year old got into the cabinet and drank half a bottle of childrens benadryl",
        "took most of a bottle of advil for my back since nothing else works",
    ],
)
def test_a_whole_or_half_bottle_of_a_medicine_taken_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


def test_a_whole_bottle_of_a_medicine_said_for_tonight_is_a_plan() -> None:
    crisis("gonna drink a whole bottle of robitussin tonight", "crisis:overdose_planned")


@pytest.mark.parametrize(
    "text",
    [
        "drank a whole bottle of water after the run",
        "took nyquil for my cold, slept great",
        "took 2 benadryl for my allergies like the box says",
        "bought a whole bottle of tylenol at costco",
        "the baby finished a whole bottle of formula",
        "didnt drink the whole bottle of cough syrup, just the little cup",
    ],
)
def test_a_bottle_of_water_a_dose_as_the_box_says_or_a_bottle_bought_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "doubled up on my subs and smoked a little, feeling real heavy",
        "took a few percs and my body feels so heavy",
        "i took too many of my subs and smoked, i can barely keep my eyes open",
        "smoked some meth and now im seeing bugs everywhere",
        "took some pills and im seeing things that arent there",
        "did a couple bumps and my heart is going crazy rn",
        "took 2 adderall and now my heart is beating so fast",
        "smoked a blunt and now my heart is beating so fast, is that normal",
        "hit the pipe a few times and my heart wont slow down",
        "drank half the bottle of robitussin. everything is spinning",
    ],
)
def test_a_body_sign_now_beside_a_use_is_an_overdose_under_way(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "my heart was going crazy at the gym today",
        "my heart is going crazy before my interview",
        "i feel heavy today, missing my dad",
        "in detox i was seeing bugs on the wall, glad thats over",
        "was so tired at work i couldnt keep my eyes open, too much coffee wore off",
        "woke up feeling heavy, like a monday. did the breathing thing from group and it helped",
    ],
)
def test_a_heart_going_crazy_at_the_gym_or_a_heavy_mood_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "took 2 bars and a fifth",
        "popped 2 bars and drank a fifth of jack tonight",
        "i took my seroquel with half a bottle of vodka",
        "took a couple of my klonopin after a bottle of wine",
    ],
)
def test_a_sedative_with_a_fifth_or_a_bottle_of_liquor_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "my doctor said never take my ambien with a fifth, so i dont drink anymore",
        "bought a bottle of wine for my mom and picked up her sleeping pills at the pharmacy",
    ],
)
def test_a_warning_or_an_errand_is_no_overdose(text: str) -> None:
    not_crisis(text)
