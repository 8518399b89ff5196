"""Words that answer a session reminder (newcomer7 N16, newcomer6 finding 31), and words that do not."""

from __future__ import annotations

import pytest

from bot.domain.rsvp_words import typed_rsvp


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
