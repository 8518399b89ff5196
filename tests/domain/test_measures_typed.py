"""Typed questionnaire answers: numbers, labels, everyday English and Spanish; never guessed when unclear."""

from __future__ import annotations

import pytest

from bot.domain.instruments import Option
from bot.domain.measures_typed import is_frequency_answer, typed_value

SCALE = [
    Option(0, "Not at all"),
    Option(1, "Several days"),
    Option(2, "More than half the days"),
    Option(3, "Nearly every day"),
]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2", 2),
        ("Several days", 1),
        ("nearly every day tbh", 3),
        ("varios días", 1),
        ("más de la mitad de los días", 2),
        ("casi todos los dias", 3),
        ("para nada", 0),
        ("no", 0),
        ("Nada.", 0),
        ("sometimes i guess", 1),
        ("mas o menos la mitad", 2),  # newcomer6 finding 10
        ("about half", 2),
    ],
)
def test_an_answer_in_words_is_read_as_its_option(text: str, value: int) -> None:
    assert typed_value(text, SCALE) == value
    assert is_frequency_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "5",  # not an option
        "i have no idea what this means",  # "no" inside words is not "not at all"
        "not at all, i think about it every day",  # two answers: never guessed low
        "yes",
        "a las 7 de la noche",
        "menos de la mitad",  # less than half, and "la mitad": two readings, asked again
    ],
)
def test_anything_unclear_is_no_answer(text: str) -> None:
    assert typed_value(text, SCALE) is None


def test_other_scales_take_only_their_own_numbers_and_labels() -> None:
    yes_no = [Option(0, "No"), Option(1, "Yes")]
    assert typed_value("yes", yes_no) == 1 and typed_value("1", yes_no) == 1
    assert typed_value("several days", yes_no) is None
