"""Words that answer a session reminder (newcomer7 N16, newcomer6 finding 31), and words that do not."""

from __future__ import annotations

import pytest

from bot.domain.rsvp_words import bare_rsvp, typed_rsvp


@pytest.mark.parametrize(
    ("words", "answer"),
    [
        ("running like 10 min late sorry, bus", "l"),
        ("gonna be a few min late tonight, work", "l"),
        ("llego tarde", "l"),
        ("ya voy en camino, llego como 10 min tarde", "l"),
        ("can't make it today", "n"),
        ("sorry can't come tonight, my kid is sick", "n"),
        ("no voy a poder ir, estoy enferma", "n"),
        ("no voy a poder, se me complicó en el trabajo", "n"),
        ("perdón, no podré. Tengo turno doble", "n"),
        ("no puedo", "n"),
        ("cant make it, something came up at work", "n"),
        ("sorry i can't, something came up at work", "n"),
        ("ahí voy", "y"),
        ("I'll be there", "y"),
        ("ahí estaré", "y"),
        ("omw", "y"),
    ],
)
def test_a_plain_answer_is_read(words: str, answer: str) -> None:
    assert typed_rsvp(words) == answer


@pytest.mark.parametrize(
    "words",
    ["can I come late?", "my mom can't make it", "i won't be late", "i'm late on rent again", "it's too late for me",
     "ya es muy tarde para mí", "i was up late last night", "late", "hello", "no puedo dormir",
     "i can't sleep, again", "no puedo? tengo turno", "mi jefe no puede, tiene junta"],
)  # fmt: skip
def test_other_words_are_not_an_answer(words: str) -> None:
    assert typed_rsvp(words) is None


@pytest.mark.parametrize(
    "words",
    [
        "uy no creo que llegue, mi hijo amaneció con fiebre y no tengo quien lo cuide",
        "no creo que pueda ir hoy",
        "no creo poder llegar, salgo tarde del trabajo",
        "creo que no voy a poder",
        "creo que no voy a poder ir, perdón",
        "a lo mejor no llego hoy",
        "dudo que pueda ir",
        "i dont think ill make it tonight, kid is sick",
        "I don't think I can make it",
        "prob can't come tonight",
        "probably not gonna make it, car trouble",
        "might not make it today",
        "i doubt ill make it",
    ],
)
def test_a_hedged_cant_come_is_read(words: str) -> None:
    """newcomer18 N173: "uy no creo que llegue, mi hijo amaneció con fiebre…" went to the drawer."""
    assert typed_rsvp(words) == "n"


@pytest.mark.parametrize(
    "words",
    [
        "no creo que sea nada grave",
        "no creo que llegue a mañana",
        "no creo que llegue tarde",
        "creo que no voy a dormir hoy",
        "creo que no puedo más",
        "i dont think ill make it through the night",
        "i dont think i can make it much longer",
        "i dont think ill be late",
        "i dont think it matters",
        "no creo que mi hijo llegue a tiempo",
        "my son probably cant come",
    ],
)
def test_hedged_words_about_something_else_are_not_an_answer(words: str) -> None:
    assert typed_rsvp(words) is None


@pytest.mark.parametrize(("words", "answer"), [
    ("yes", "y"), ("Yeah!", "y"), ("👍", "y"), ("👍🏽", "y"), ("sí", "y"), ("claro", "y"),
    ("no", "n"), ("nah not tonight", "n"), ("No, not tonight", "n"), ("hoy no", "n"), ("👎", "n"),
])  # fmt: skip
def test_a_bare_yes_or_no_is_read_as_one(words: str, answer: str) -> None:
    """newcomer21 N184: "yes", "no", "nah not tonight", "👍" under "Will you be there?" went to the drawer."""
    assert bare_rsvp(words) == answer


@pytest.mark.parametrize(
    "words", ["no idea", "yes i relapsed", "no puedo dormir", "ok", "🔥", "nah im good", "sure why"]
)
def test_other_words_are_no_bare_answer(words: str) -> None:
    assert bare_rsvp(words) is None


def test_probably_late_is_running_late() -> None:
    assert typed_rsvp("prob late like 10 min") == "l"
    assert typed_rsvp("probably late on rent again") is None


def test_late_again_now_is_running_late() -> None:
    """newcomer18 N155: "ugh gonna be late again, bus is slow af 🚌 save me a seat" went to the drawer."""
    assert typed_rsvp("ugh gonna be late again, bus is slow af 🚌 save me a seat") == "l"
    assert typed_rsvp("im late again today") == "l"
    assert typed_rsvp("i was late again on rent") is None
    assert typed_rsvp("im late again on my bills") is None
