"""A patient who says "I'm not safe" again while their last "not safe" alert is still open and escalating:
one alert per event, the later answers folded into it (newcomer6 finding 22: three identical alerts in a
minute reached three people as nine cards each, and the reminders listed the same thing three times)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from bot.domain.escalation import Alert, Policy, past_last_round


def folds_into(alerts: Sequence[Alert], patient_id: str, now: datetime, policy: Policy) -> Alert | None:
    """The open "not safe" alert of this patient that a new "not safe" joins: one still escalating (past its
    last round nothing more would be sent, so a new answer then is an alert of its own), newest first."""
    live = [
        a
        for a in alerts
        if a.patient_id == patient_id
        and a.kind in ("not_safe", "not_sure")  # "not sure" then "not safe" (or again): one event
        and a.open
        and not past_last_round(a, now, policy)
    ]
    return max(live, key=lambda a: a.created_at) if live else None


def with_again(alert: Alert, now: datetime) -> Alert:
    """The alert after its patient said "not safe" once more."""
    return dataclasses.replace(alert, again=(*alert.again, now))
