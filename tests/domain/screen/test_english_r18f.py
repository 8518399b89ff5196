"""English, session 18 (en15): a relapse on cutting is self-harm, not substance use (newcomer N90: "relapsed on cutting
last night" gave crisis:self_harm and relapse:use, answered as a slip too). A relapse on a drink or a drug told beside
it is still a use. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "relapsed on cutting last night, 2 yrs clean from it",
        "i relapsed with self harm yesterday after 2 years",
        "had a relapse with cutting this weekend",
        "relapsed on the cutting thing again. 8 months clean of it gone",
    ],
)
def test_a_relapse_on_cutting_is_self_harm_not_a_use(text: str) -> None:
    result = crisis(text)
    assert not result.has(Level.RELAPSE), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "relapsed last night, drank a whole bottle",
        "i relapsed saturday",
        "relapsed on cutting last night and drank too",
    ],
)
def test_a_relapse_on_a_drink_is_still_a_use(text: str) -> None:
    result = assess(text)
    assert result.has(Level.RELAPSE), result.reasons
