"""Session 22 (es20): the brief's Spanish readings. "estoy harta" is fed up, not "I'm done" said bare (a finality signal
that paged beside giving up); "me da igual" before an everyday choice is no "nothing matters"."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "ya no le echo ganas, estoy harta",
        "ya me rindo, estoy harto",
        "estoy harta, ya no quiero seguir intentando con la dieta",
        "ya estoy hartísima, ya no le echo ganas a nada",
    ],
)
def test_fed_up_and_giving_up_is_a_check_not_a_page(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "me da igual si pedimos pizza",
        "me da igual qué película veamos",
        "me da igual quién gane el partido",
        "me da igual el color, escoge tú",
    ],
)
def test_indifference_to_a_choice_is_nothing(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "estoy harta de vivir así",
        "ya estoy harta de todo, me quiero morir",
        "estoy harto, ya decidí, esta noche se acaba",
    ],
)
def test_fed_up_with_a_wish_or_a_plan_still_pages(text: str) -> None:
    crisis(text)


def test_me_da_igual_todo_is_still_asked() -> None:
    read_as("me da igual todo", Level.CHECK)
