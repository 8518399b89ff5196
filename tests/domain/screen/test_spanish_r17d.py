"""Spanish, session 17 (lead): "what's the point" said as "qué caso tiene", "no tiene caso" or "ya no sé ni pa qué" is
asked about, as "no tiene sentido" and the English "whats the point" are (newcomer12 N91: read as nothing).
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "qué caso tiene",
        "que caso tiene ya",
        "ya no sé ni pa qué",
        "la neta ya no tiene caso",
        "ni para qué, ya",
    ],
)
def test_whats_the_point_in_spanish_is_asked_about(text: str) -> None:
    result = assess(text)
    assert result.level >= Level.CHECK, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "no le hagas caso a mi hermano, está bromeando",
        "¿pa qué hora es la cita?",
        "hazme caso, mañana hay grupo",
        "el abogado dice que ya casi terminan con mi caso de migración",
    ],
)
def test_caso_and_pa_que_in_everyday_spanish_are_not(text: str) -> None:
    read_as(text, Level.NONE)
