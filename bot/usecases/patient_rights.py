"""/delete: the patient's data erased, with the fact (never the content) kept, in one store call."""

from __future__ import annotations

from datetime import datetime

from bot.domain.models import Patient
from bot.store.repository import Repository


def erase_own_data(repo: Repository, patient: Patient, now: datetime) -> None:
    """Erase what the patient gave; remember when (retention's erasure record, so an alert whose words are
    gone can tell the counselor why) and audit that it happened. Runs on the store thread."""
    repo.erase_patient_data(patient.patient_id)
    repo.record_erasure(patient.patient_id, now, by_patient=True)
    repo.audit(now, patient.telegram_id, "patient_data_deleted", patient.patient_id)
    repo.inbox.scrub()  # last: the updates that carried their words, as Telegram delivered them
