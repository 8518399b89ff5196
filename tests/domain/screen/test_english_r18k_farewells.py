"""Session 18 (en16, newcomer N113 and the findings-16 re-check): farewells said softly. A goodbye already told to my
family or to everyone ("i already told my family goodbye") is a farewell made (crisis), as "already said goodbye to my
kids" is; "dont worry about me anymore" and thanks to the counselor for having tried ("you've been a good counselor,
thank you for trying") are asked about (at least a check), where they were silent. A trip, a flight, college, news of
doing well, thanks for trying to fix an app are not. Paraphrases written for this test; rules alone (conftest.py turns
the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "i already told my family goodbye",
        "i told everyone goodbye already",
        "i texted my kids goodbye an hour ago",
        "already told my parents goodbye",
    ],
)
def test_a_goodbye_told_to_my_family_is_a_farewell_made(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "dont worry about me anymore",
        "no need to worry about me anymore",
        "you don't have to worry about me anymore",
        "nobody has to worry about me anymore",
        "you've been a good counselor, thank you for trying",
        "thank you for trying with me",
        "thanks for trying. you did your best",
        "you did everything you could for me",
    ],
)
def test_a_soft_farewell_is_at_least_asked_about(text: str) -> None:
    result = assess(text)
    assert result.level in (Level.CHECK, Level.CRISIS), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "told my family goodbye at the airport before my flight",
        "i told my family goodbye and drove back to college",
        "told everyone goodbye at the party and went home",
        "dont worry about me anymore, i got the job and im 90 days clean",
        "dont worry about me, im fine",
        "thanks for trying to fix the app lol",
        "thanks for trying to get me the appointment",
    ],
)
def test_a_trip_good_news_or_an_errand_is_not(text: str) -> None:
    read_as(text, Level.NONE)
