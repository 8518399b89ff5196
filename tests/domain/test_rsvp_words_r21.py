"""Hedged and changed answers to a session reminder (newcomer20 N198, N202): "idk if i can make it" got "are you
safe right now?" and no RSVP; "actually they let me out this morning, i can come to group tonight" was kept, and
the earlier "can't make it" stood."""

from __future__ import annotations

import pytest

from bot.domain.rsvp_words import typed_rsvp


@pytest.mark.parametrize(
    "words",
    [
        "idk if i can make it",
        "idk if ill make it tonight",
        "not sure i can make it",
        "not sure if i can come tonight, work is crazy",
        "dunno if i can make it",
        "no sé si pueda ir",
        "no se si llegue hoy",
        "no estoy segura de poder ir",
    ],
)
def test_a_hedged_answer_is_a_cant_come(words: str) -> None:
    assert typed_rsvp(words) == "n"


@pytest.mark.parametrize(
    "words",
    [
        "actually they let me out this morning, i can come to group tonight",
        "i can make it after all",
        "nvm i can come",
        "al final sí puedo ir",
        "siempre sí voy a poder ir",
        "ya puedo ir hoy",
    ],
)
def test_a_changed_answer_is_coming(words: str) -> None:
    assert typed_rsvp(words) == "y"


@pytest.mark.parametrize(
    "words",
    [
        "idk if i can make it through the night",
        "not sure i can make it much longer",
        "no sé si pueda seguir",
        "idk if i can do this",
        "i can make it through this",
        "my mom said she can come",
        "no se si llegue a mañana",
    ],
)
def test_hedged_words_about_something_else_are_not_an_answer(words: str) -> None:
    assert typed_rsvp(words) is None
