"""Session 22 (es20, newcomer N236, silent): an aborted or interrupted attempt told after ("anoche casi lo hago pero llamé
a mi hermana", "estuve a punto de hacerlo") pages; a use come close to, homework or a nap are not."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "anoche casi lo hago pero llamé a mi hermana",
        "estuve a punto de hacerlo anoche",
        "ya estaba a nada de matarme y me detuve",
        "casi lo hago otra vez, ayer, con las pastillas",
        "casi lo hago en el puente, me bajé",
    ],
)
def test_an_attempt_stopped_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "casi lo hago pero le hablé a mi padrino y no compré",
        "casi lo hago tarde, la tarea",
        "casi me quedo dormida en el camión",
        "casi lo hago jaja",
    ],
)
def test_a_use_resisted_or_a_nap_is_no_attempt(text: str) -> None:
    not_crisis(text)
