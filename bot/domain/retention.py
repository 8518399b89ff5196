"""The retention rule: whose data is due for erasure, a set period after they left active treatment."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from bot.domain.models import Patient, PatientStatus

# Discharged to aftercare, blocked the bot, or withdrew consent: the period runs from that change.
LEFT: frozenset[PatientStatus] = frozenset({"aftercare", "inactive", "withdrawn"})
ERASED = "retention_erased"  # the audit action; the row holds who and when, never what


def past_retention(
    patients: Iterable[Patient],
    now: datetime,
    days: int,
    erased_at: Mapping[str, datetime],
    last_checkin: Mapping[str, datetime] | None = None,
) -> list[Patient]:
    """Patients who left at least `days` ago and whose data was not erased since they left.

    ``erased_at`` maps a patient id to the last erasure; erasing once per departure keeps the
    audit log to one line each and never touches anyone who is back in active treatment.
    Aftercare is still care: for them the period runs from their last check-in, when later.
    """
    return [p for p, at in erasure_dates(patients, days, erased_at, last_checkin) if at <= now]


def erasure_dates(
    patients: Iterable[Patient],
    days: int,
    erased_at: Mapping[str, datetime],
    last_checkin: Mapping[str, datetime] | None = None,
) -> list[tuple[Patient, datetime]]:
    """Each patient who left and whose data was not erased since, with when retention erases it (unless they
    come back, or an aftercare check-in moves it later), soonest first; none when ``days`` is 0 (no limit)."""
    last_checkin = last_checkin or {}
    if days <= 0:
        return []
    found = []
    for p in patients:
        left = p.status_changed_at
        if left is not None and p.status == "aftercare" and p.patient_id in last_checkin:
            left = max(left, last_checkin[p.patient_id])
        if p.status not in LEFT or left is None:
            continue
        last = erased_at.get(p.patient_id)
        if last is None or last < left:
            found.append((p, left + timedelta(days=days)))
    return sorted(found, key=lambda pair: pair[1])


def unstamped(patients: Iterable[Patient]) -> list[Patient]:
    """Patients who left before departure times were recorded: their period starts when first seen."""
    return [p for p in patients if p.status in LEFT and p.status_changed_at is None]


def last_erasures(audit: Iterable[Mapping[str, object]]) -> dict[str, datetime]:
    """The latest retention erasure per patient, from audit log rows."""
    out: dict[str, datetime] = {}
    for row in audit:
        if row.get("action") == ERASED:
            pid, at = str(row.get("subject")), datetime.fromisoformat(str(row["at"]))
            if pid not in out or at > out[pid]:
                out[pid] = at
    return out
