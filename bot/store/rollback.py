"""Shared data files put back from an older copy, found against the audit log (ops O142, P1 silent).

Fernet authenticates each file but not its freshness: an older ``alerts.json`` copied back (no key needed: an
insider, or an admin "restoring one file") decrypts, and every alert raised since was gone without a word (no
card, no escalation, not in /caseload, doctor ok). The audit log has a row for each alert raised and each one
archived, and one for each patient who pressed "I agree", so what the log says exists and the files lack is
named: by the running bot (bot/jobs/audit_watch.py: an ERROR, the admins told) and by `doctor` (a FAIL).

Alerts never leave the two alert files but by an ``alert_archived`` row, and patients never leave
``patients.log`` (an erasure keeps the profile), so anything missing is a rollback, or a write the disk
refused (an alert stored late). Rows older than ``WINDOW`` are not checked: data formats before the archive
rows dropped closed alerts without one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

WINDOW = timedelta(days=60)  # an alert raised before this is not looked for (twice the archive delay)


@dataclass(frozen=True)
class Missing:
    """An alert or a patient the audit log records and the files lack."""

    what: str  # "alert" or "patient"
    ident: str  # the alert's id, or the patient's
    patient_id: str
    at: datetime  # when it was raised, or when the patient agreed


@dataclass
class Ledger:
    """Fed the audit rows oldest first; says what the files should hold."""

    since: datetime
    raised: dict[str, Missing] = field(default_factory=dict)
    archived: set[str] = field(default_factory=set)
    patients: dict[str, Missing] = field(default_factory=dict)

    def feed(self, row: Mapping[str, Any]) -> None:
        action = row.get("action")
        if action not in ("alert_raised", "alert_archived", "consent_given", "alerts_joined_record"):
            return
        try:
            at = datetime.fromisoformat(str(row["at"]))
        except (KeyError, ValueError):
            return
        subject = str(row.get("subject", ""))
        if action == "alert_raised" and at >= self.since:
            alert = str(row.get("alert", ""))
            self.raised[alert] = Missing("alert", alert, subject, at)
        elif action == "alert_archived":
            self.archived.add(str(row.get("alert", "")))
        elif action == "consent_given" and subject not in self.patients:
            self.patients[subject] = Missing("patient", subject, subject, at)
        elif action == "alerts_joined_record":  # kept for an invitation, then the new patient's
            for alert in row.get("alerts") or []:
                if (was := self.raised.get(str(alert))) is not None:
                    self.raised[str(alert)] = Missing("alert", was.ident, subject, was.at)

    def reset(self) -> None:
        self.raised.clear()
        self.archived.clear()
        self.patients.clear()

    def missing(self, alerts: set[str], patients: set[str]) -> list[Missing]:
        """What the log records and the files (``alerts``: ids open or closed; ``patients``: ids) lack."""
        gone = [m for a, m in self.raised.items() if a not in alerts and a not in self.archived]
        gone += [m for p, m in self.patients.items() if p not in patients]
        return sorted(gone, key=lambda m: m.at)


def ledger(now: datetime) -> Ledger:
    return Ledger(since=now - WINDOW)


def summary(found: list[Missing]) -> str:
    """Counts and file names, never a person (for the log and `doctor --live`)."""
    alerts = sum(1 for m in found if m.what == "alert")
    patients = len(found) - alerts
    parts = [f"{alerts} alert(s) are in neither alerts.json nor alerts-closed.log"] if alerts else []
    parts += [f"{patients} patient(s) who agreed to take part are not in patients.log"] if patients else []
    return (
        "; ".join(parts)
        + " though the audit log records them: an older copy of a data file was put back (or a write was refused)"
    )
