"""Paged access as the store sees it (bot/domain/paged.py): whether an alert lets a counselor act for a
patient, and what an alert without words of its own is about. Runs on the store thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.checkins import Entry, local_date
from bot.domain.escalation import Alert
from bot.domain.models import Counselor, Patient
from bot.domain.paged import paged_alert, words_around
from bot.store.repository import Repository
from bot.usecases.away_cover import covered
from bot.usecases.workspace import may_see


def _alerts(repo: Repository, patient_id: str) -> list[Alert]:
    return [Alert.from_dict(row) for row in repo.patient_alerts(patient_id)]


def paged_access(repo: Repository, counselor_id: int, patient_id: str, now: datetime) -> str | None:
    """The id of the alert that lets this counselor act for this patient now, if one does."""
    found = paged_alert(_alerts(repo, patient_id), counselor_id, patient_id, now)
    return found.alert_id if found else None


def access(
    repo: Repository, counselor: Counselor, patient: Patient | None, now: datetime, *, paged: bool
) -> tuple[bool, str | None]:
    """(allowed, the alert that allowed it): their own patient or an admin's (no alert needed), else an
    alert that reached them, when ``paged`` access is enough for what they asked."""
    if may_see(counselor, patient):
        return True, None
    if (
        patient is not None
        and (found := covered(repo, patient, now)) is not None
        and found[2] == counselor.telegram_id
    ):
        return True, None  # their cover while they are away sees them as their own (newcomer18 N151)
    if not paged or patient is None:
        return False, None
    via = paged_access(repo, counselor.telegram_id, patient.patient_id, now)
    if via is None and _wrote_to(repo, counselor.telegram_id, patient.patient_id, now):
        return True, None  # standing in for an away counselor with no cover, the message came to them (N212)
    return via is not None, via


WROTE_WITHIN = timedelta(days=7)  # a patient's message that reached a counselor lets them answer it this long


def _wrote_to(repo: Repository, counselor_id: int, patient_id: str, now: datetime) -> bool:
    return any(
        m.sender == "patient" and m.counselor_id == counselor_id and now - m.at <= WROTE_WITHIN
        for m in repo.messages(patient_id)
    )


@dataclass(frozen=True)
class Brief:
    """What an alert with no words of its own is about."""

    earlier: list[tuple[datetime, str]]  # the words of the patient's alerts around it, oldest first
    checkin: Entry | None  # the check-in of the alert's day (the patient's day), the latest one


def alert_brief(repo: Repository, alert: Alert, tz: ZoneInfo, now: datetime) -> Brief:
    """The crisis words around an alert and the check-in of its day."""
    day = local_date(alert.created_at, tz)
    entries = [e for e in repo.checkins(alert.patient_id) if e.local_date == day]
    return Brief(words_around(_alerts(repo, alert.patient_id), alert, now), entries[-1] if entries else None)
