"""A patient opened SOS: the counselor sees it at their next review (a flag), never as a page. Store thread."""

from __future__ import annotations

from datetime import datetime

from bot.domain.checkins import local_date
from bot.domain.models import Patient
from bot.store.repository import Repository

OPENED = "sos_opened"  # the flag's kind (labelled in flag_rules.toml); "Tell my counselor" pages as "sos"


def sos_opened(repo: Repository, patient: Patient, now: datetime) -> None:
    """Flag that the patient reached for the crisis lines, once a day in their own time zone: a risk signal
    for the next review even when they chose not to tell anyone now; every opening is audit-logged."""
    day = local_date(now, patient.tz) if patient.tz else now.date()
    repo.raise_flag(patient.patient_id, OPENED, f"{OPENED}:{day.isoformat()}", now, {})
    repo.audit(now, patient.telegram_id, OPENED, patient.patient_id)
