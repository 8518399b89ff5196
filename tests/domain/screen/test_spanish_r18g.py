"""Spanish, session 18 (es15): a relapse into self-harm ("recaí en cortarme anoche, llevaba 3 años sin hacerlo") is a
self-harm crisis, and not also a use disclosed (it said relapse:use beside it: the Spanish twin of newcomer N90). A
relapse on a drink or a drug is still a use, and both are said when both are told. Paraphrases written for this test;
rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "recaí en cortarme anoche, llevaba 3 años sin hacerlo",
        "volví a recaer en rayarme",
        "tuve una recaída con las cortadas",
        "recaí en lastimarme, ya van dos noches",
    ],
)
def test_a_relapse_into_self_harm_is_self_harm_not_a_use(text: str) -> None:
    result = crisis(text)
    assert "crisis:self_harm" in result.reasons, result.reasons
    assert "relapse:use" not in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    ["recaí anoche", "recaí con el cristal el sábado", "tuve una recaída el fin de semana, tomé cerveza"],
)
def test_a_relapse_on_a_substance_is_still_a_use(text: str) -> None:
    assert "relapse:use" in assess(text).reasons, assess(text).reasons


def test_both_told_are_both_said() -> None:
    reasons = assess("recaí en la bebida y me corté").reasons
    assert "crisis:self_harm" in reasons and "relapse:use" in reasons, reasons
