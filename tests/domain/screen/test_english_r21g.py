"""Session 21 (en19): check recall, hopeless and worthless (G13 rules alone 10/16 en), built from the concept:
worthlessness said in everyday words (an old verdict accepted, "cant do nothing right", "i dont deserve the help") and
a life said not to change ("stuck like this forever", "always end up back in the same hole") are asked about, not
paged. The old verdict overturned, a joke about traffic or a meeting on zoom are not. Paraphrases written for this
test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "my pops always told me id never amount to nothing. guess he called it",
        "i cant do nothing right, not even this",
        "honestly im a screwup and everybody knows it",
        "i dont deserve the help yall give me",
        "why do yall even waste your time on me",
        "im a fraud at home and a fraud at work",
    ],
)
def test_worthlessness_in_everyday_words_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "feels like im gonna be stuck like this forever",
        "whats the point of therapy if i always end up back in the same hole",
        "63 no savings no family. aint nothing coming",
        "every program i try its the same. i dont think im one of the people who gets better",
    ],
)
def test_a_life_said_not_to_change_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "my dad always said id never amount to anything, well look at me now, 2 years clean",
        "my coach said id never amount to anything and i proved him wrong",
        "whats the point of this meeting being on zoom lol",
        "stuck in traffic, gonna be stuck like this forever lol",
    ],
)
def test_an_old_verdict_overturned_or_a_joke_is_not_asked_about(text: str) -> None:
    read_as(text, Level.NONE)
