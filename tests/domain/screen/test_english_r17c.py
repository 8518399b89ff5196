"""English, session 17c (issue 13, en13): a threat told with its condition ("if i dont pay im dead"), a means turned
on myself, going over to someone armed, pills stacked up, a pet given away "for the better", and life insurance said
other ways; each beside its hard negatives. Every case is a paraphrase written for this test, not a corpus message;
rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "the guy i owe said if i dont have it by monday im a dead man",
        "he texted if i dont have the money friday im next",
        "they said if i talk to the cops im dead",
        "my ex said if i tell anyone im dead",
    ],
)
def test_a_threat_with_its_condition_is_fear_for_my_life(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mom said if im late again im dead lol",
        "my boss said if i miss another shift im dead",
        "if i eat another slice im dead",
        "lmao im dead",
        "everyone at work carries me, im dead weight",
    ],
)
def test_a_curfew_a_shift_or_a_laugh_is_an_idiom(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "thinking about using it on myself",
        "thinkin bout usin it on me",
        "the razor is right here. i want to use it on myself",
        "got my dad's pistol out. keep thinking about turning it on myself",
    ],
)
def test_a_means_turned_on_myself_is_a_method(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "bought a new lotion, been using it on myself and the kids",
        "the therapist taught me a breathing trick, been using it on myself when i panic",
    ],
)
def test_a_lotion_or_a_skill_used_on_myself_is_no_method(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i keep thinking about going over there with the bat",
        "im goin over there with the bat tonight",
        "headed to his place with my rifle",
        "going to her house with a knife",
    ],
)
def test_going_over_to_someone_armed_is_harm_to_others(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "going over there with my bat for softball practice",
        "going over to his place with my rifle to go hunting",
        "going over there with a knife to cut the cake",
    ],
)
def test_a_bat_for_softball_or_a_rifle_for_hunting_is_ordinary(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "been stackin my pills for weeks",
        "stacking up my klonopin in a drawer",
    ],
)
def test_pills_stacked_up_are_stockpiling(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gave my pitbull to my cousin today. its better this way",
        "gave my dog to the neighbor, told him i wouldnt be able to take care of him no more",
        "gave my cat to my sister. it's better this way",
        "gave away my dog today, i won't be able to take care of her",
    ],
)
def test_a_pet_given_away_for_good_is_preparation(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gave my cat to my mom for the weekend while i'm at the retreat",
        "gave my dog to my sister, we're moving and cant take care of him anymore",
        "stacking chairs after group",
        "the dishes are better this way",
    ],
)
def test_a_pet_minded_for_a_weekend_or_a_move_is_no_preparation(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my mom would get my life insurance and finally be out of debt",
        "my family would be better off collectin the insurance than dealin with me",
    ],
)
def test_life_insurance_said_other_ways_is_a_burden(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    ["should i buy life insurance? would it help my kids", "signed up for the life insurance policy at work"],
)
def test_a_policy_asked_about_or_signed_is_no_burden(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "been readin on my phone how many tylenol pm it takes",
        "i looked up how much tylenol would be too much",
        "googled how many xanax it takes",
        "been reading how many of my sleeping pills would be enough",
    ],
)
def test_a_lethal_dose_looked_up_is_a_method(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "how many advil does it take to help a headache",
        "looked up how much tylenol my kid can take for a fever",
        "my doctor told me how many ibuprofen would be too much for my liver",
    ],
)
def test_a_dose_for_a_headache_a_child_or_from_a_doctor_is_no_method(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'm going over there tonight and he's not going to walk away",
        "got the bat in the car, he not walkin out this time",
        "found out where he stays. tonight he aint gonna walk away",
        "i got my knife and she's not walking out of there",
    ],
)
def test_he_is_not_walking_away_beside_a_weapon_or_a_time_is_harm_to_others(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    ["he's not gonna walk away from this job offer", "my sponsor said im not walking out on recovery"],
)
def test_not_walking_away_from_a_job_or_recovery_is_ordinary(text: str) -> None:
    not_crisis(text)
