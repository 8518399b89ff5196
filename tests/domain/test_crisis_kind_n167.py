"""Someone at the door threatening to kill the patient is carded as that, not as suicide (newcomer18 N167): "mi ex dice
que si no le doy dinero va a venir a matarme, ya está afuera de mi casa" read abuse and farewell+watched, and the
card, the caseload and the reminders said "talked about ending their life"."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds
from bot.domain.screen.assess import assess


def test_signs_of_the_same_danger_from_others_are_that_danger() -> None:
    assert crisis_kinds(["crisis:abuse", "crisis:signals.farewell+watched"]) == ("abuse",)


def test_a_farewell_of_their_own_beside_abuse_is_still_their_own_crisis() -> None:
    """No sign of danger from someone else among the signals: the farewell is theirs, and it leads."""
    assert crisis_kinds(["crisis:abuse", "crisis:signals.farewell+when"]) == ("crisis", "abuse")


@pytest.mark.parametrize(
    "text",
    [
        "mi ex dice que si no le doy dinero va a venir a matarme, ya está afuera de mi casa",
    ],
)
def test_the_finding_reads_as_abuse_only(text: str) -> None:
    a = assess(text)
    assert crisis_kinds(a.reasons, a.clauses)[0] == "abuse", a.reasons
