"""English, session 18 (en15): heaven or death said to be better than this life is a wish to be dead ("heaven has to be
better than this" read as nothing), and going home to the Lord with the g dropped ("im goin home to the lord tonight")
is what "going home" is. Praise ("this bath is heaven"), food, a joke, someone else in heaven are not. Paraphrases
written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "heaven gotta be better than this",
        "heaven must be better than this place",
        "heaven would be better than living like this",
        "dying would be better than this",
        "death has to be better than this",
        "im goin home to the lord tonight",
        "goin home to jesus soon, im so tired",
    ],
)
def test_heaven_better_than_this_or_going_home_to_the_lord_is_a_wish_to_be_dead(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "this chocolate cake is heaven, better than the one last week",
        "the food in heaven has to be better than this lol",
        "my grandma is in heaven now, a better place than this hospital",
        "the new mattress is pure heaven and better than the old one",
        "this bath is heaven, way better than a shower",
        "im goin home after group to feed the dog",
        "my grandpa went home to the lord last spring",
    ],
)
def test_praise_food_a_joke_or_someone_elses_heaven_is_not(text: str) -> None:
    not_crisis(text)
