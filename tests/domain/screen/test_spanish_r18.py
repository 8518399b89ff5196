"""Spanish, session 18 (es15): a day's prescribed doses taken as usual ("hoy me tomé todas las pastillas del día,
como siempre") are adherence, not an overdose planned or taken (it paged as overdose_planned). All the pills of a
bottle, or all of them with nothing to say they were the day's, still page. Paraphrases written for this test; rules
alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "hoy me tomé todas las pastillas del día, como siempre",
        "ya me tomé todas mis pastillas del día, doctora",
        "hoy ya me tomé todas las pastillas que me tocan",
        "esta mañana por fin me tomé todas las medicinas del día",
        "ahorita me tomé todas mis pastillas que me tocaban",
    ],
)
def test_a_days_doses_taken_as_usual_are_not_an_overdose(text: str) -> None:
    result = assess(text)
    assert not any(r.startswith("crisis:overdose") for r in result.reasons), result.reasons
    assert result.level < Level.CRISIS, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "hoy me tomé todas las pastillas del frasco",
        "me tomé todas las pastillas de golpe",
        "esta noche me tomo todas mis pastillas y ya",
        "me tomé todas las pastillas del día de mi abuela, ya no quiero despertar",
    ],
)
def test_all_the_pills_otherwise_still_page(text: str) -> None:
    crisis(text)
