"""Spanish, session 18 (es15): nobody to be called or sent, and the ending accepted in the same sentence or the next
("no llamen a nadie. estoy en paz con esto", "no manden a nadie, ya lo acepté") is intent, a crisis (the Spanish
twin of newcomer N63). A call not made by someone else, and a boss not to be called about a job lost, are not.
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "no llamen a nadie. estoy en paz con esto",
        "no manden a nadie, ya lo acepté",
        "no le avisen a nadie. ya está decidido",
        "no llamen a nadie, ya estoy tranquila con mi decisión",
    ],
)
def test_nobody_to_be_called_and_the_ending_accepted_is_intent(text: str) -> None:
    result = crisis(text)
    assert "crisis:resolve_to_do_it" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá no llamó. estoy en paz con eso",
        "no llamen a mi jefe, ya lo acepté, me corrieron",
    ],
)
def test_a_call_not_made_or_a_job_lost_is_not(text: str) -> None:
    assert "crisis:resolve_to_do_it" not in assess(text).reasons, assess(text).reasons
    not_crisis(text)
