"""Feelings typed at /cope's question and "did this help?" in words (newcomer14 N103)."""

from __future__ import annotations

import pytest

from bot.domain.feeling_words import feelings_in, helped_said


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("really lonely tonight", ("loneliness",)),
        ("me siento sola", ("loneliness",)),
        ("Loneliness", ("loneliness",)),
        ("feeling low", ("low_mood",)),
        ("estoy muy triste", ("low_mood",)),
        ("cant sleep again", ("sleep",)),
        ("no puedo dormir", ("sleep",)),
        ("so pissed off at my brother", ("anger",)),
        ("ansiedad", ("anxiety",)),
        ("bad cravings rn", ("craving",)),
        ("anxious and cant sleep", ("anxiety", "sleep")),
    ],
)
def test_a_feeling_named_in_words_is_its_tag(typed: str, tags: tuple[str, ...]) -> None:
    assert feelings_in(typed) == tags


@pytest.mark.parametrize(
    "typed",
    ["my car broke down", "solo quiero hablar con mi consejera", "hi", "low on gas lol", "what is this"],
)
def test_words_that_name_no_feeling_are_none(typed: str) -> None:
    assert feelings_in(typed) == ()


@pytest.mark.parametrize(
    ("typed", "helped"),
    [("kinda", "somewhat"), ("más o menos", "somewhat"), ("Un poco", "somewhat"), ("yes!", "yes"),
     ("sí me ayudó", "yes"), ("not really", "no"), ("para nada", "no")],
)  # fmt: skip
def test_did_this_help_in_words(typed: str, helped: str) -> None:
    assert helped_said(typed) == helped


def test_other_words_are_no_answer_to_did_this_help() -> None:
    assert helped_said("i want to talk to dana") is None
