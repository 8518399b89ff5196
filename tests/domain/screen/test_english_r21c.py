"""Session 21 (en19, newcomer N186): single messages misread. A handful or a fistful of a prescription taken, whatever
its name ("took a handful of my sertraline"); someone not waking up or not responding beside a drug (a bystander
overdose); not waking up said to be fine ("if i dont wake up tomorrow its fine"). Paraphrases written for this test,
not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "took a handful of my sertraline",
        "i just swallowed a handful of my cymbalta",
        "popped a fistful of my hydroxyzine like 10 min ago",
        "took a fistful of my seroquel",
        "my son took a handful of my abilify, what do i do",
    ],
)
def test_a_handful_of_a_prescription_taken_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "took a handful of vitamins",
        "took a handful of almonds before the gym",
        "grabbed a handful of my sertraline samples for the pharmacy return",
    ],
)
def test_a_handful_of_vitamins_or_almonds_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "shes not waking up after the blues",
        "my roommate isnt waking up, we did some fent",
        "my boyfriend wont respond, he took a bunch of bars",
        "cant get him to wake up after he took those pills",
        "he is unresponsive, we smoked some dope an hour ago",
    ],
)
def test_someone_not_waking_up_beside_a_drug_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "she's not waking up till noon after the party",
        "my son wont wake up for school, he stayed up gaming",
        "my husband isnt responding to my texts, hes at the bar with his brother",
    ],
)
def test_someone_sleeping_in_or_not_texting_back_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "if i dont wake up tomorrow its fine",
        "if i didnt wake up tomorrow thats alright",
        "honestly if i never woke up itd be fine",
        "if i dont wake up in the morning so be it",
        "if i didnt wake up tonight, oh well",
    ],
)
def test_not_waking_up_said_to_be_fine_is_a_passive_wish(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "if i dont wake up early tomorrow its fine, i took the day off",
        "if i dont wake up for my shift its fine, marco is covering",
        "i'd be fine if i didn't wake up till 11 tomorrow, so tired",
    ],
)
def test_sleeping_in_said_to_be_fine_is_no_wish(text: str) -> None:
    not_crisis(text)
