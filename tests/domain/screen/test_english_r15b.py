"""English, session 15 (issue 13, en10): an overdose under way that a newcomer found silent. Someone named beside me
with one of the gravest signs alone (not breathing, blue or purple), and my own overdose told without the word (too
much done, everything I had taken). Every case is a paraphrase written for this test, not a corpus message; rules
alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "my roommate went blue on the couch",
        "my brother isnt breathing",
        "my husband stopped breathing",
        "she's barely breathing",
        "my cousin is unresponsive",
        "her lips are blue",
        "my girlfriends lips are turning purple",
        "bro my homie is turning blue",
        "my sister isnt breathing right",
        "my friend looks blue",
        "hes breathing funny and i cant wake him",
    ],
)
def test_one_grave_sign_in_someone_named_pages_as_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "our team is blue this year",
        "the sky is blue again",
        "she's not breathing a word about it to anyone",
        "my boyfriend is blue about the game",
        "my dog isnt breathing right",
        "my brother is turning blue from holding his breath lol",
        "my hands are blue from the cold",
        "he's snoring so loud i can't sleep haha",
        "my friend was blue last year but he's fine now",
        "i couldnt wake him up for work, he overslept",
    ],
)
def test_blue_as_a_colour_or_a_mood_a_secret_kept_a_pet_or_a_laugh_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "pretty sure i did too much",
        "i think i did way too much again",
        "i did too many",
        "i used everything i had",
        "smoked all i had left",
        "i shot up all i had, feeling real floaty",
        "i think i used too much",
    ],
)
def test_my_own_overdose_told_without_the_word_pages_as_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "we did way too much planning for the party",
        "i did too much at work today",
        "i took too many shifts this week",
        "did way too much studying this weekend",
        "i used everything i had to stay sober today",
        "took all i had to not drink at the wedding",
        "i think i ate way too much",
        "did too much cardio and now my legs hurt",
    ],
)
def test_too_much_work_food_or_effort_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "dying doesnt scare me anymore",
        "im no longer afraid of death",
        "i don't fear death anymore",
        "honestly im not even afraid to die now",
        "not sure ill last till friday",
        "i really dont think im gonna make it to the weekend",
        "pretty sure i wont make it to monday",
    ],
)
def test_death_no_longer_feared_or_a_day_not_reached_is_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "the dentist doesnt scare me anymore",
        "im not scared of dying my hair pink",
        "i dont think ill make it to friday, have to work late",
        "wont make it to the store before it closes",
        "i dont think ill make it to the party on saturday",
    ],
)
def test_a_fear_of_something_else_or_an_errand_missed_is_not_a_worry(text: str) -> None:
    read_as(text, Level.NONE)
