"""Session 18 (en16, findings-16 re-check): a means or death sent as emoji in a short message ("💊💊💊 tonight",
"🔫😵") is asked about (a check; it was read as nothing). A dose taken, a refill, a laugh ("💀" is laughter) are not.
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    ["💊💊💊 tonight", "🔫😵", "🔪 tonight", "💊💊💊💊💊", "⚰️ soon", "🪢 tonight"],
)
def test_a_means_or_death_as_emoji_is_asked_about(text: str) -> None:
    result = assess(text)
    assert result.level in (Level.CHECK, Level.CRISIS), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "took my 💊 this morning",
        "lmao 💀💀💀",
        "💀💀💀",
        "ya me tome mi pastilla de la noche 💊 y me voy a dormir",
        "💊 done for today, remember the refill",
    ],
)
def test_a_dose_a_refill_or_a_laugh_is_not(text: str) -> None:
    read_as(text, Level.NONE)
