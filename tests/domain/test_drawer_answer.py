"""Typed choices under the kept-words offer (bot/domain/drawer_answer.py)."""

from __future__ import annotations

import pytest

from bot.domain.drawer_answer import drawer_choice


@pytest.mark.parametrize(
    "text", ["sí, mándaselo porfa", "envíaselo", "yes send it", "send them please", "ok", "Sí"]
)
def test_send(text: str) -> None:
    assert drawer_choice(text) == "send"


@pytest.mark.parametrize("text", ["no", "no gracias", "don't send it", "no lo envíes"])
def test_drop(text: str) -> None:
    assert drawer_choice(text) == "drop"


@pytest.mark.parametrize("text", ["yes i want to die", "oye una pregunta", "no, call me", "hola", ""])
def test_anything_more_is_words_to_keep(text: str) -> None:
    assert drawer_choice(text) is None
