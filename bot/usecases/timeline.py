"""One patient's words in order (newcomer finding 35): check-ins, worrying words, alerts and messages.

Until this, a counselor read them button by button (each alert's "Show message", "Show words", "Messages",
"Full notes"); the timeline puts them on one page, oldest first, behind the same PIN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.escalation import Alert
from bot.store.repository import Repository
from bot.usecases.workspace import CHECK


@dataclass(frozen=True)
class Moment:
    """Something the patient wrote or did: when, what kind ("checkin", "check", "alert", "message"), an
    alert's kind, and their words (empty when there were none); or ("note") what the person who acknowledged
    an alert of that kind noted was done, with their name."""

    at: datetime
    kind: str
    alert_kind: str
    text: str


def timeline(repo: Repository, patient_id: str, since: datetime) -> list[Moment]:
    """Everything since a moment, oldest first."""
    found = [
        Moment(e.ts, "checkin", "", str(e.answers.get("note") or ""))
        for e in repo.checkins(patient_id)
        if e.ts >= since
    ]
    for row in repo.flags_of_kind(patient_id, CHECK):
        at = datetime.fromisoformat(row["at"])
        if at >= since:
            found.append(Moment(at, "check", "", str(row["details"].get("text", ""))))
    for alert in (Alert.from_dict(r) for r in repo.patient_alerts(patient_id)):
        if alert.created_at >= since:
            found.append(Moment(alert.created_at, "alert", alert.kind, alert.text))
        if alert.ack_note and alert.acked_at is not None and alert.acked_at >= since:  # newcomer16 N139
            by = repo.counselor_name(alert.acked_by or 0) or "?"
            found.append(Moment(alert.acked_at, "note", alert.kind, f"{by}: {alert.ack_note}"))
    found += [
        Moment(m.at, "message", "", m.text)
        for m in repo.messages(patient_id)
        if m.sender == "patient" and m.at >= since
    ]
    return sorted(found, key=lambda m: m.at)
