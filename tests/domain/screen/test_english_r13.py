"""English, session 13 (issue 13): a farewell left veiled ("you'll know why"), a goodnight that is forever,
my note for the family beside "i'm done", words censored with a star, thoughts of hurting my children, and
the screening question told with its answer (a no is asked about, a yes still pages). Every case is a
paraphrase written for this test, not a corpus message; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("if i dont turn up to work monday you'll know why", "crisis:veiled_farewell"),
        ("if you don't hear from me by tonight, you'll understand why", "crisis:veiled_farewell"),
        ("if im not in group thursday then yall will know the reason", "crisis:veiled_farewell"),
        ("sorry for everything. you'll all know why soon enough", "crisis:signals.farewell+veiled_farewell"),
    ],
)
def test_an_absence_foretold_with_its_reason_left_for_later_pages(text: str, reason: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and reason in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "good night forever, love you all",
        "💔 gnight forever",
        "so this is my final goodnight",
        "goodbye for good. take care of mom",
        "this is my letter to my kids. im done",
        "read it, its my note for everyone. i'm finished",
        "i wanna k*ll myself tonight",
        "been thinking about su*cide all week",
        "so close to k-lling myself",
        "i'm going to unal*ve myself",
        "having thoughts about hurting my children and it scares me",
        "intrusive thoughts of hurting my toddler, i'd never act on them",
        "the nurse asked if i felt like hurting myself and i said yes",
        "got a third box of sleeping pills from another walgreens so they wouldnt ask",
        "paid for my own funeral upfront today. updated my will too",
        "its decided, im not gonna be here by sunday",
        "my stepdad keeps coming into my room at night when mom works late",
        "my cousin who stays with us comes in my bed at night and i don't want him to",
        "those guys said they'd put me in a ditch if i talk to the cops",
        "my ex says he's gonna put me in the ground if i testify",
        "my counselor asked whether i was suicidal, i said yeah",
    ],
)
def test_farewells_censored_words_harm_to_children_and_a_yes_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the nurse asked if i wanted to harm myself and i said no",
        "doc asked if i was suicidal, i told him no",
        "my sponsor asked if i ever thought about killing myself, and no i haven't",
    ],
)
def test_the_screening_question_answered_no_is_asked_about_not_paged(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "if you read his email you'll know why i'm annoyed",
        "if i'm late tomorrow you'll know why lol, the trains are on strike",
        "try their tacos and you'll understand why i keep going back",
        "my letter to my mom for her birthday is done",
        "writing my letter to my family for family week, im done with the first draft",
        "good night forever young came on the radio",
        "goodnight everyone, see you at group tomorrow",
        "that boss fight k*lled me lol",
        "s*icide squad was such a bad movie",
        "we played cards with the kids and it scares me how good my son is",
        "paid off my dad's funeral plan today, he wanted it handled",
        "helped my mom prepay her funeral, she is 90",
        "my son comes in my room at night when he has nightmares",
        "the nurse comes into my room at night to check my vitals",
        "my doctor said my sugar is gonna put me in the hospital if i keep this up",
        "my wife threatened to put me in rehab again",
        "bought a bottle of wine from a different store so nobody would ask, for the party",
    ],
)
def test_ordinary_readings_page_nobody(text: str) -> None:
    not_crisis(text)


def test_a_bare_request_to_come_over_is_no_screening_question() -> None:
    """Only the question with its own verb is hypothetical: the wish said after another question pages."""
    result = assess("my sister asked if i wanted to come over i said no i just want to die")
    assert result.level == Level.CRISIS, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "when i first got to rehab i wanted to die most days. not anymore, i'm doing ok",
        "had a dark period after my mom passed where i thought about dying a lot. it passed",
        "when i got back from afghanistan i thought about suicide constantly. years of therapy later im good",
        "my first month at the halfway house i wanted to die. now i'm 9 months clean",
        "nope, i don't have any thoughts of hurting myself, just tired",
        "you asked do i feel like harming myself, no ma'am, not at all",
        "there's no reason not to go to group tomorrow",
    ],
)
def test_a_past_that_is_over_and_a_far_denial_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i've wanted to die for months and it's getting worse",
        "you asked do i feel like hurting myself. yes i do",
        "honestly i dont have any reason not to kill myself",
        "i want to die every day since i got to rehab",
    ],
)
def test_the_same_words_said_of_now_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "went to the service for a kid from the neighborhood, 19, who overdosed on pressed pills behind the gas station",
        "they found him in the motel this morning. overdose they think, pressed fentanyl",  # ("again" still pages)
    ],
)
def test_an_overdose_with_nobody_in_its_sentence_is_news(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "overdosed last night. woke up in the er",
        "OD'd an hour ago, feel weird",
        "overdosing rn",
        "took an overdose. scared",
        "overdose",
        "help overdose",
    ],
)
def test_an_overdose_of_my_own_still_pages(text: str) -> None:
    crisis(text, "crisis:overdose")
