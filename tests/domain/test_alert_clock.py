"""An alert raised on a clock known to be off Telegram's, put right (ops O69)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from bot.domain.alert_clock import put_right
from bot.domain.escalation import Delivery, new_alert

FIXED = datetime(2026, 11, 30, 20, 47, tzinfo=UTC)  # the right time, once the clock is fixed
AHEAD = timedelta(hours=3)


def test_times_on_the_wrong_clock_move_back_and_those_since_the_fix_stay() -> None:
    raised = FIXED - timedelta(minutes=20) + AHEAD  # stamped 20 min ago, on a clock 3 h ahead
    alert = new_alert("crisis", "p1", 1001, raised, written_at=raised, clock_ahead=AHEAD.total_seconds())
    before_fix = Delivery(0, 1001, 7, raised)
    since_fix = Delivery(1, 1001, 8, FIXED - timedelta(minutes=1))
    alert = dataclasses.replace(alert, deliveries=(before_fix, since_fix))
    right = put_right(alert, FIXED)
    assert right.created_at == right.written_at == FIXED - timedelta(minutes=20)
    assert [d.at for d in right.deliveries] == [FIXED - timedelta(minutes=20), FIXED - timedelta(minutes=1)]
    assert right.clock_ahead == 0 and put_right(right, FIXED) == right


def test_an_alert_raised_on_a_right_clock_is_left_as_it_is() -> None:
    alert = new_alert("crisis", "p1", 1001, FIXED)
    assert put_right(alert, FIXED) is alert
    assert type(alert).from_dict(alert.to_dict()) == alert
