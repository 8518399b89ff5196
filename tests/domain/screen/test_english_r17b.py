"""English, session 17b (issue 13, en13): crisis families the rules lacked — forgiveness asked for everything, a
reunion with the dead soon, everything over soon, not coming down from a high place, a plan said bare, life
insurance imagined as help, taking myself out of the game — each beside its hard negatives. Every case is a
paraphrase written for this test, not a corpus message; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "forgive me for everything",
        "please forgive me for everything i've done",
        "mom forgive me for all of it",
        "tell them i'm sorry and forgive me for everything",
    ],
)
def test_forgiveness_asked_for_everything_is_a_farewell(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "forgive me for being late",
        "forgive me for all the typos lol",
        "forgive me for asking so many questions",
        "forgive me for everything i said in group yesterday lol",
    ],
)
def test_forgiveness_for_one_thing_is_an_apology(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my brother passed in may. im going to see him again soon",
        "i'll be with my mom again real soon, she died last year",
        "since dad died i keep thinking i'll see him again soon",
        "i want to see my grandpa again soon, he died in april",
    ],
)
def test_a_reunion_with_the_dead_soon_is_a_wish_to_be_dead(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "can't wait to see my brother again soon, he's flying in friday",
        "my grandma's funeral was today. it was good to see my cousins again",
        "my dad passed two years ago. i know i'll see him again someday in heaven",
    ],
)
def test_a_visit_or_faith_in_someday_is_no_reunion_wish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "this will all be over soon",
        "it'll all be over soon, i promise",
        "soon it'll all be over",
        "i'm tired. this will all be over soon anyway",
    ],
)
def test_everything_over_soon_is_an_ending(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the semester will all be over soon",
        "this shift will all be over soon thank god",
        "the holidays will all be over soon",
        "the chemo will all be over soon and then i can rest",
    ],
)
def test_a_term_a_shift_or_a_treatment_over_soon_is_no_ending(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "top level of the parking deck. dont wanna take the stairs down",
        "on the roof of my building. not sure im coming down",
        "standing on the bridge. dont think im going back down",
        "on the ledge of the overpass, dont feel like walking back down",
    ],
)
def test_not_coming_down_from_a_high_place_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "up on the roof cleaning gutters, dont wanna come down till its done",
        "i don't want to come down from this high",
        "took the stairs down to the parking garage",
    ],
)
def test_work_up_high_or_a_drug_high_is_no_high_place(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i've got a plan for tonight",
        "i have a plan.",
        "i got a plan for tonight",
        "got it all planned out",
    ],
)
def test_a_plan_said_bare_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i have a plan for tonight, going to a meeting",
        "i have a plan for the weekend to stay sober",
        "i've got a plan for tonight, dinner with the kids",
        "do you have a plan for tonight?",
        "my counselor asked if i have a plan",
    ],
)
def test_a_plan_named_or_asked_about_is_ordinary(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "at least the life insurance would help them",
        "my family would be better off collecting the insurance money",
        "the life insurance would pay off the house",
        "the life insurance could finally help my mom",
    ],
)
def test_life_insurance_imagined_as_help_is_a_burden(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i need to sign up for life insurance through work",
        "the life insurance guy called again",
        "the insurance money from the wreck would help us fix the car",
    ],
)
def test_insurance_bought_or_claimed_is_no_burden(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "keep thinkin i should just take myself out the game",
        "might just take myself out of the equation",
        "thinking about taking myself out the game",
        "wanna take myself off the board",
    ],
)
def test_taking_myself_out_of_the_game_is_suicide(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    ["taking myself out for dinner tonight", "take myself out for a walk later"],
)
def test_taking_myself_out_for_dinner_is_a_treat(text: str) -> None:
    not_crisis(text)
