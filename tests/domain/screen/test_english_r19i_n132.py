"""Session 19 (en17, newcomer N132, P1 silent): a jump or a throw of myself taken back as a joke with the door left
open ("gonna yeet myself off the parking garage lol jk... unless?"), a jump wondered about ("lol what if i just
jumped") and driving drunk left to fate ("gonna drive drunk and see what happens") were read as nothing. "yeet" is a
throw; the joke undone by "unless?" pages as the wish to die does; a jump wondered about is asked; driving drunk is
asked, and left to fate pages. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "gonna yeet myself off the parking garage lol jk... unless?",
        "gonna yeet myself off the parking garage",
        "might just throw myself off the roof lol jk... mostly",
        "yeeting myself off the bridge tonight",
    ],
)
def test_a_throw_of_myself_pages_even_half_taken_back(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text", ["i yeeted my phone across the room", "what if i just jumped in the pool with my clothes on lol"]
)
def test_a_phone_thrown_or_a_pool_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "lol what if i just jumped",
        "what if i just jumped",
        "honestly what if i just jumped",
        "idk what if i jumped",
    ],
)
def test_a_jump_wondered_about_is_asked(text: str) -> None:
    assert assess(text).level >= Level.CHECK, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "gonna drive drunk and see what happens",
        "im drunk and driving home, whatever happens happens",
        "driving home wasted, if i crash i crash",
        "im gonna drive drunk tonight and let fate decide",
    ],
)
def test_driving_drunk_left_to_fate_pages(text: str) -> None:
    crisis(text, "crisis:method")


def test_driving_drunk_alone_is_asked() -> None:
    read_as("gonna drive home drunk", Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "see what happens at group tomorrow",
        "my dad used to drive drunk all the time",
        "im drunk so im not driving",
    ],
)
def test_a_plan_a_past_or_a_refusal_is_not(text: str) -> None:
    not_crisis(text)
