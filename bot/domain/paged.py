"""Paged access: what an urgent alert lets the person it reached do for that patient (no I/O).

A counselor sees their own caseload and an admin everyone (bot/usecases/workspace.py). An on-call colleague
paged about someone else's patient must still be able to act, so an alert that reached them grants, for that
one patient, while it is open and for PAGED_FOR after it was acknowledged: what the alert is about (its words,
or the crisis words and check-in of that day) and messaging the patient. Never the patient's page, history
or export: that is the minimum a crisis call needs, and each use is audit-logged naming the alert.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.domain.escalation import Alert

PAGED_FOR = timedelta(hours=12)  # an evening's call back, and the patient's answer to it, fit in this
BRIEF_SINCE = timedelta(hours=24)  # the crisis words shown beside an alert that carries none of its own


def paged_alert(
    alerts: Iterable[Alert], counselor_id: int, patient_id: str, now: datetime, window: timedelta = PAGED_FOR
) -> Alert | None:
    """The latest urgent alert about this patient that reached this counselor and still grants access."""
    found = [
        a
        for a in alerts
        if a.patient_id == patient_id
        and a.urgent
        and any(d.to == counselor_id for d in a.deliveries)
        and (a.acked_at is None or now - a.acked_at <= window)
    ]
    return max(found, key=lambda a: a.created_at) if found else None


def words_around(alerts: Iterable[Alert], alert: Alert, now: datetime) -> list[tuple[datetime, str]]:
    """The words of the patient's other alerts from BRIEF_SINCE before this one until now, oldest first:
    what a "not safe" answer or an SOS tap answered."""
    since = alert.created_at - BRIEF_SINCE
    return sorted(
        (a.created_at, a.text)
        for a in alerts
        if a.patient_id == alert.patient_id and a.alert_id != alert.alert_id and a.text
        and since <= a.created_at <= now
    )  # fmt: skip
