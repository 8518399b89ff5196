"""Session 21 (en19, newcomer N191): "i cant take it anymore" said of an everyday thing (the heat, the neighbors' music,
a line at the DMV, traffic) is an idiom, not a page; said bare, or of a person screaming at me, or with everything
hurting, it still pages. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "this heat, i can't take it anymore lol",
        "my neighbors music at 2am, i cant take it anymore, calling the landlord",
        "this line at the DMV, i cant take it anymore",
        "traffic on the 10 again, cant take it anymore",
    ],
)
def test_cant_take_an_everyday_thing_anymore_is_an_idiom(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i cant take it anymore",
        "i cant take it anymore, everything hurts and nobody cares",
        "my husband screaming at me every night, i cant take it anymore",
    ],
)
def test_cant_take_it_anymore_said_bare_or_of_a_person_still_pages(text: str) -> None:
    crisis(text)
