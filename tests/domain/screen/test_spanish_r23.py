"""Session 23 (es21, newcomer N270, silent): the crisis verbs as they are typed ("no quero vivir": "quero" is how
"quiero" is said in much of rural Mexico and Central America; a v written b, a letter dropped from "vivir" or
"matar") read as the words they are; the same misspellings about a taco, school or the beach stay nothing."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "no quero vivir",
        "ya no quero vivir",
        "ya no kiero vivr",
        "me quero morir",
        "no quiero bibir asi",
        "quiero matrme",
        "me quiero mtar ya",
        "ya no quiero seguir bibiendo",
        "quiero kitarme la bida",
        "ya no qiero estar biva",
        "no quieo vivir",
    ],
)
def test_a_crisis_verb_misspelled_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "quero un taco",
        "no quero ir a la escuela",
        "quero vivir en la playa",
        "ya no quero nada de comer",
        "la bida es bella",
        "no quero matar el tiempo",
    ],
)
def test_the_same_misspellings_about_everyday_things_are_nothing(text: str) -> None:
    not_crisis(text)
