"""English, session 14b (issue 13, newcomer8 P1): an overdose in someone with me now told by its signs alone (down
and a grave mark), self-harm said the common way ("been cutting again", "couldn't stop cutting"), a hope that a use
kills me, a use alone with a fear or a plea to be checked on. Every case is a
paraphrase written for this test, not a corpus message; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "my girlfriend is nodding off in the car and her face is blue, what do i do",
        "bro passed out in the stall and hes barely breathing",
        "my sister is out cold and turning purple",
        "my homie fell out in the bathroom, hes gurgling",
    ],
)
def test_someone_down_with_a_grave_sign_is_an_overdose_under_way(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "i passed out at 9 last night lol so tired",
        "my baby is gurgling and cooing",
        "we fell out over money and hes blue about it",
        "nodding off in class lol",
    ],
)
def test_one_sign_alone_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "been burning myself again, i cant help it",
        "started cutting again last week",
        "couldnt stop cutting last night",
    ],
)
def test_self_harm_said_the_common_way_pages(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize(
    "text", ["cutting carbs again", "cutting back on coffee", "cutting class lol", "my power got cut again"]
)
def test_other_cutting_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text", ["i used again and i hope it kills me", "i relapsed and honestly i hope it kills me next time"]
)
def test_a_hope_that_a_use_kills_me_is_a_passive_wish(text: str) -> None:
    crisis(text, "crisis:passive_wish")


def test_a_workout_that_kills_me_pages_nobody() -> None:
    assert assess("i hope this workout kills me lol").level != Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "nobody here, just used, scared",
        "pills tasted off and im scared im gonna fall out",
        "shot up alone in the car, if i dont answer by 9 call someone",
    ],
)
def test_a_use_alone_with_a_fear_or_a_plea_is_an_overdose_risk(text: str) -> None:
    crisis(text, "crisis:overdose")
