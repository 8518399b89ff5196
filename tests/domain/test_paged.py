"""Paged access: which alert lets a counselor act for a patient who is not theirs."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from bot.domain.escalation import Alert, AlertKind, Delivery, acknowledge, new_alert
from bot.domain.paged import PAGED_FOR, paged_alert, words_around

NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
RAE, DANA = 1002, 1001


def _reached(to: int, kind: AlertKind = "not_safe", at: datetime = NOW, text: str = "") -> Alert:
    alert = new_alert(kind, "p1", DANA, at, text)
    return dataclasses.replace(alert, deliveries=(Delivery(1, to, 7, at),))


def test_an_alert_that_reached_a_counselor_lets_them_act_until_a_while_after_it_is_acknowledged() -> None:
    alert = _reached(RAE)
    assert paged_alert([alert], RAE, "p1", NOW) == alert
    acked = acknowledge(alert, DANA, NOW)
    assert paged_alert([acked], RAE, "p1", NOW + PAGED_FOR) == acked
    assert paged_alert([acked], RAE, "p1", NOW + PAGED_FOR + timedelta(minutes=1)) is None


def test_only_the_patient_of_an_alert_that_reached_them() -> None:
    alert = _reached(RAE)
    assert paged_alert([alert], RAE, "p2", NOW) is None
    assert paged_alert([alert], 1003, "p1", NOW) is None
    flag = _reached(RAE, kind="relapse")  # not urgent: nothing to act on at once
    assert paged_alert([flag], RAE, "p1", NOW) is None


def test_the_words_around_an_alert_are_its_neighbours_of_the_last_day_oldest_first() -> None:
    old = _reached(DANA, "crisis", NOW - timedelta(hours=30), "long ago")
    first = _reached(DANA, "crisis", NOW - timedelta(hours=2), "first words")
    alert = _reached(RAE, at=NOW)
    later = _reached(DANA, "crisis", NOW + timedelta(minutes=5), "later words")
    alerts = [later, alert, old, first]
    words = words_around(alerts, alert, NOW + timedelta(minutes=10))
    assert [w for _, w in words] == ["first words", "later words"]
