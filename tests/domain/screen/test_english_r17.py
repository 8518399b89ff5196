"""English, session 17 (issue 13, en13): relapse told as a euphemism, a pattern or in slang, and the hard
negatives beside each family. Every case is a paraphrase written for this test, not a corpus message; rules alone
(conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "i messed up last night",
        "messed up again this weekend, you know how it goes",
        "I messed up on saturday and im ashamed",
        "made a bad choice friday night",
        "i made some bad decisions this weekend",
        "screwed up yesterday, gonna tell my sponsor",
    ],
)
def test_messed_up_told_with_its_day_is_a_slip(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "i messed up my knee friday",
        "i messed up the recipe last night lol",
        "my boss messed up my schedule this weekend",
        "messed up at work today, forgot the invoices",
        "messed up my exam yesterday",
        "that's messed up, see you tuesday",
    ],
)
def test_messed_up_with_an_object_or_someone_else_is_no_slip(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "been usin every night since my birthday",
        "usin again since the 5th",
        "been usin on and off for weeks",
        "i was usin all weekend",
    ],
)
def test_using_with_the_g_dropped_is_use(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "first time usin this thing, hope i do it right",
        "been using this app every day for my check ins",
    ],
)
def test_using_the_app_is_no_use(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "had a few last night",
        "had a couple on friday after work",
        "had a few wine o clock mommy juices sunday",
        "back on the stuff again",
        "been on that white again, i hate it",
        "went back to the old stuff again",
        "had a rough night with the old stuff",
    ],
)
def test_a_few_the_stuff_and_the_old_stuff_are_use(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "we had a few laughs last night",
        "i had a few questions about group tonight",
        "had a couple of friends over on saturday",
        "cleaned out the closet and gave away the old stuff",
        "my daughter got her white dress for the wedding",
    ],
)
def test_a_few_laughs_and_old_things_are_no_use(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "been taking extra of my subs and now im short",
        "took an extra xanax last night",
        "ive been taking more than prescribed",
        "been taking more than im supposed to with my percs",
    ],
)
def test_a_medicine_beyond_its_dose_is_misuse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "been taking extra shifts at work",
        "took an extra vitamin d today",
        "took my meds as prescribed this morning",
        "the nurse had me take an extra dose of my antibiotic",
    ],
)
def test_an_extra_shift_or_a_medicine_as_prescribed_is_no_misuse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "everyone was drinking but i didn't",
        "everybody was drinking at the wedding, i stuck to soda",
        "everyone else was drinking so i left early",
        "at the cookout everybody drank and i held a water all day",
    ],
)
def test_everyone_drinking_but_not_me_is_no_use(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "everybody was drinking so i had a few",
        "everyone was drinking and i drank too",
    ],
)
def test_everyone_drinking_and_me_too_is_still_use(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "took a couple hydrocodone my roommate had",
        "ended up at the trap house again",
        "went by the trap after work",
        "every friday i end up at the dope house",
    ],
)
def test_someones_hydrocodone_or_the_trap_house_is_use(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "im on percocet after surgery",
        "im on hydrocodone after my surgery, taking it like the doctor said",
        "the dentist gave me hydrocodone after my root canal, taking it as prescribed",
        "the trap is set for the mice",
    ],
)
def test_a_medicine_after_surgery_or_a_mouse_trap_is_no_use(text: str) -> None:
    read_as(text, Level.NONE)
