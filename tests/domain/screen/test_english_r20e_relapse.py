"""Session 20 (en18): relapse told as a euphemism or in slang, and cravings the rules did not read (G11 rules alone:
relapse told as a euphemism 18/24; six "craving resisted" development messages; newcomer N152 and N157). A bad weekend
"you know what i mean", "i messed up" with the old spot, the day count reset, a tweak, a blue, picking up every payday,
ending up using, a medicine doubled up on, pills given to me and taken; a use come close to, the dealer reaching out,
driving past the dealer's, "the pull"; wanting to talk about the drinking is no urge. Paraphrases written for this test,
not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import read_as


def _relapse(text: str) -> None:
    result = assess(text)
    assert result.has(Level.RELAPSE), (text, result.reasons)


def _no_relapse(text: str) -> None:
    result = assess(text)
    assert not result.has(Level.RELAPSE) and result.level < Level.CHECK, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "had a bad weekend. you know what i mean",
        "had a bad weekend if u know what i mean",
        "rough couple days if you know what im saying",
        "wild night last night, you know what i mean",
    ],
)
def test_a_bad_weekend_you_know_what_i_mean_is_a_slip(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text", ["had a bad weekend, my kid was sick the whole time", "bad night at work, the register was short"]
)
def test_a_bad_weekend_told_plainly_is_no_slip(text: str) -> None:
    _no_relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "ended up at my old spot. so yeah. i messed up",
        "went back to the old spot with everybody and i kinda messed up",
        "ran into my old crew downtown. i messed up",
        "picked my day count back up at 1 this morning",
        "had to reset my day count again",
    ],
)
def test_i_messed_up_with_the_old_spot_or_the_count_reset_is_a_relapse(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "went to my old spot for lunch, the tacos are still good",
        "i messed up my knee at the old spot on the trail",
    ],
)
def test_the_old_spot_for_lunch_or_a_knee_is_no_relapse(text: str) -> None:
    _no_relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "went on a lil tweak saturday. up 2 days straight",
        "got lit on tweak yesterday",
        "hit a blue last night",
        "smoked a blue w my cousin after work",
        "picking up every payday now. its like clockwork",
        "every time they sweep the camp i end up using that night",
    ],
)
def test_slang_and_patterns_are_a_use_told(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "hit a blue car in the parking lot",
        "gonna tweak my resume tonight",
        "picking up every kid on the carpool list",
    ],
)
def test_a_blue_car_a_resume_or_a_carpool_is_no_use(text: str) -> None:
    _no_relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "doubled up on my gabapentin all week without telling my doctor",
        "been doubling up on my seroquel to knock out",
        "my buddy at work gave me a few somas. took them",
        "my friend give me some of his adderall for my exam. i took 2 of them",
    ],
)
def test_a_medicine_doubled_or_pills_given_and_taken_are_a_use_told(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "doctor told me to double up on my gabapentin this week",
        "the pharmacist gave me my refill. took them with dinner",
    ],
)
def test_a_dose_the_doctor_changed_or_a_refill_is_no_use(text: str) -> None:
    _no_relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "almost bought a bag tonight",
        "was this close to buying",
        "i almost relapsed last night",
        "nearly picked up after work",
        "about to pick up",
        "came so close to drinking at the wedding",
    ],
)
def test_a_use_come_close_to_is_a_craving(text: str) -> None:
    read_as(text, Level.CRAVING)


@pytest.mark.parametrize(
    "text",
    [
        "almost bought a new car today",
        "about to pick up the kids",
        "he keeps calling, i'll pick up later",
    ],
)
def test_a_car_almost_bought_or_the_kids_picked_up_is_no_craving(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "my old dealer texted me, i blocked the number",
        "my plug keeps hitting me up",
        "the dealer called me twice today",
        "my heart pounds when i drive past my old dealer's street",
        "drove past my old dealers spot, kept driving",
        "drove by my old spot and felt the pull, kept driving",
        "the pull has been strong since the funeral but im still clean",
        "i really want to dink after work",
    ],
)
def test_the_dealer_reaching_out_a_drive_past_or_the_pull_is_a_craving(text: str) -> None:
    read_as(text, Level.CRAVING)


@pytest.mark.parametrize(
    "text",
    [
        "i do want to talk to dana about the drinking",
        "i want to talk about my drinking in group",
        "drove past the old school, so many memories",
        "did a pull up at the gym today",
    ],
)
def test_wanting_to_talk_about_it_or_a_drive_past_school_is_no_craving(text: str) -> None:
    read_as(text, Level.NONE)
