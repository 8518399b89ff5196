"""`doctor` on a `[crisis.<locale>]` override with no phone number, or without the emergency number (newcomer11
O19: `[crisis.us] lines = ["Call your mom"]` was accepted without a word: every US patient's crisis answer then
carried no number at all)."""

from __future__ import annotations

from bot.admin.doctor_crisis_lines import crisis_lines_check
from bot.config.sections import CrisisResources
from bot.config.settings import Settings


def _lines(**crisis: tuple[str, ...]) -> list[str]:
    resources = {k: CrisisResources(k, v) for k, v in crisis.items()}
    settings = Settings(crisis={**Settings().crisis, **resources})
    return [f.line() for f in crisis_lines_check(settings)]


def test_an_override_with_no_number_fails() -> None:
    lines = _lines(us=("Call your mom",))
    assert any(
        x.startswith("FAIL crisis lines:") and "[crisis.us]" in x and "no phone number" in x for x in lines
    )


def test_an_override_without_the_emergency_number_fails() -> None:
    lines = _lines(us=("Call or text 988 (Suicide & Crisis Lifeline), any time.",))
    assert any(x.startswith("FAIL crisis lines:") and "[crisis.us]" in x and "911" in x for x in lines), lines


def test_the_shipped_lines_and_a_full_override_pass() -> None:
    assert all(x.startswith("ok") for x in _lines()), _lines()
    full = (
        "Call our clinic's crisis line at 555-0100.",
        "Call or text 988.",
        "Call 911 if you are in danger.",
    )
    assert all(x.startswith("ok") for x in _lines(us=full)), _lines(us=full)
