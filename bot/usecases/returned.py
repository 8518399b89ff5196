"""Someone who withdrew comes back under another counselor (newcomer22 N238, N219): the open urgent alerts about them
change hands as a reassignment's do (with a hand-over card and its buttons, reminders to the new counselor), in one
store write that queues that hand-over. Store thread."""

from __future__ import annotations

from datetime import datetime

from bot.domain.models import Patient
from bot.store.repository import Repository


def hand_back_alerts(repo: Repository, patient: Patient, old: int, now: datetime) -> list[str]:
    """Move the patient's open alerts held by ``old`` to their counselor now and queue the hand-over; returns
    the alerts moved (none: nothing queued)."""
    alerts = [
        a.alert_id
        for a in repo.open_alerts()
        if a.patient_id == patient.patient_id and a.counselor_id != patient.counselor_id
    ]
    if not alerts:
        return []
    move = {"patient_id": patient.patient_id, "from": old, "alerts": alerts, "messages": []}
    plan = {"to": patient.counselor_id, "from": old, "from_name": None, "many": False, "by": "re-enrolment",
            "patients": [move]}  # fmt: skip
    repo.reassign(plan, now, [])
    return alerts
