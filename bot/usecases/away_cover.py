"""Whose patient a cover answers for, while their counselor is away (newcomer18 N151). Store thread.

The patient of an away counselor wrote "Hola Dana" to the cover without a word that Dana was away; the cover's
message card did not say whose patient it was.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.away import away_now
from bot.domain.checkins import local_date
from bot.domain.models import Patient
from bot.store.repository import Repository


def covered(repo: Repository, patient: Patient, now: datetime) -> tuple[str, date, int] | None:
    """(their counselor's name, the day they are back, the cover's id) while the patient's counselor is away
    with a cover; None otherwise (the day read in the patient's zone, else UTC: as message_to does)."""
    today = local_date(now, patient.tz) if patient.tz else now.date()
    away = away_now(repo.aways(), today).get(patient.counselor_id)
    if away is None or away.cover is None:
        return None
    return repo.counselor_name(patient.counselor_id) or "", away.until, away.cover


def away_line(repo: Repository, patient: Patient, now: datetime) -> tuple[str, date, str] | None:
    """(their counselor's name, the day they are back, the cover's name) while the patient's counselor is away
    with a cover (newcomer18 N151: /sos said "your counselor will see at their next review"); None otherwise."""
    found = covered(repo, patient, now)
    if found is None:
        return None
    name, until, cover = found
    return name, until, repo.counselor_name(cover) or ""
