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
        and escalating(a, now, policy)
    ]
    return max(live, key=lambda a: a.created_at) if live else None


def escalating(alert: Alert, now: datetime, policy: Policy) -> bool:
    """Open, and more rounds to come: not past its last round by the clock, and its last reminder not sent already
    (newcomer13 O55: an alert whose rounds ran out under a shorter escalation setting still had time left by the
    new one, so crisis words said again joined it, and no page, round or reminder ever followed them)."""
    last_sent = any(d.round >= policy.max_rounds for d in alert.deliveries)
    return alert.open and not last_sent and not past_last_round(alert, now, policy)


def with_again(alert: Alert, now: datetime) -> Alert:
    """The alert after its patient said "not safe" once more."""
    return dataclasses.replace(alert, again=(*alert.again, now))


# newcomer9 N40: crisis words said again while their alert is open joined nothing (five messages in a minute were
# five alerts, five escalations, five identical answers). Only crisis words' alerts, and only the same kind: a
# crisis of another kind (an overdose under way after suicidal words) is a new event with its own answer.
CRISIS_WORDS = (
    "crisis",
    "crisis_unclear",
    "other_at_risk",
    "forwarded",
    "forwarded_overdose",
    "overdose",
    "overdose_other",
    "self_harm",
    "abuse",
    "harm_others",
)
UNCLEAR = "crisis_unclear"  # the learned layer alone: names no kind, so any open crisis-words alert covers it


def crisis_folds_into(
    alerts: Sequence[Alert], patient_id: str, kinds: Sequence[str], now: datetime, policy: Policy
) -> Alert | None:
    """The open crisis-words alert of this patient, still escalating, that new crisis words of ``kinds``
    join: one whose kind is every kind the new words name (words of a kind it is not are a new event); None
    when there is none."""
    named = {k for k in kinds if k != UNCLEAR}
    live = [
        a
        for a in alerts
        if a.patient_id == patient_id
        and a.kind in CRISIS_WORDS
        and escalating(a, now, policy)
        and named <= {a.kind}
    ]
    return max(live, key=lambda a: a.created_at) if live else None
