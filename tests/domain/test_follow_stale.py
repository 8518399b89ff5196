"""An open alert days past its last reminder no longer takes the patient's words (newcomer18 N168)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.escalation import Alert
from bot.domain.follow import FOLLOW_FOR, STALE_AFTER, followed_alert

NOW = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


def _alert(age: timedelta, acked: bool = False) -> Alert:
    at = NOW - age
    return Alert("a1", "crisis", "p1", 1001, at, acked_at=at + timedelta(minutes=5) if acked else None)


def test_an_open_alert_is_followed_for_days_not_for_ever() -> None:
    assert followed_alert([_alert(timedelta(hours=30))], NOW) is not None
    assert followed_alert([_alert(STALE_AFTER + timedelta(minutes=1))], NOW) is None
    assert followed_alert([_alert(timedelta(days=100))], NOW) is None


def test_an_acknowledged_alert_is_followed_for_its_first_hours() -> None:
    assert followed_alert([_alert(FOLLOW_FOR - timedelta(minutes=1), acked=True)], NOW) is not None
    assert followed_alert([_alert(FOLLOW_FOR + timedelta(minutes=1), acked=True)], NOW) is None
