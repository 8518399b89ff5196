"""The language a patient reads: chosen with a button (set-up, /language, /idioma). Runs on the store thread."""

from __future__ import annotations

from bot.domain.models import Language, Patient
from bot.store.repository import Repository


def choose_language(repo: Repository, patient_id: str, language: Language) -> Patient | None:
    """Store the patient's language (read afresh here, so no other change to their profile is undone);
    None when they are no longer enrolled."""
    patient = repo.patient(patient_id)
    if patient is None or patient.status == "withdrawn":
        return None
    if patient.language != language:
        patient = patient.with_changes(language=language)
        repo.save_patient(patient)
    return patient
