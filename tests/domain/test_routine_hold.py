"""The routine hold after an urgent alert (newcomer20 N189): an urgent check-in alert held no routine push, so
"Your weekly questions are ready" came right after "Your care team hasn't answered ... go to the nearest emergency
room". Every urgent alert holds them; a relapse disclosure (not urgent) does not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.escalation import new_alert
from bot.domain.follow import routine_held_until

NOW = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
HOLD = timedelta(hours=2)


def test_an_urgent_check_in_alert_holds_routine_pushes_and_a_relapse_does_not() -> None:
    raised = NOW - timedelta(minutes=10)
    checkin = new_alert("checkin", "p1", 1001, raised, "used a little last night, outside the liquor store")
    assert routine_held_until([checkin], NOW, HOLD) == raised + HOLD
    relapse = new_alert("relapse", "p1", 1001, raised, "had a beer")
    assert routine_held_until([relapse], NOW, HOLD) is None
    crisis = new_alert("crisis", "p1", 1001, raised, "i want to die")
    assert routine_held_until([crisis], NOW, HOLD) == raised + HOLD
