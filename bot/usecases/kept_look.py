"""Words kept unsent that may need a look (bot/domain/kept_look.py, newcomer24 N261): a flag for the counselor's
next review that says so without the words, and the patient asked again before the deletion. Store thread.

The balance, from the privacy and safety notes (shared research): minimum necessary, and the counselor must
know. The words stay the patient's until they tap "Send" (the flag carries none, and the patient is told it
exists); the counselor learns only that something kept may need a look, so they can ask the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.checkins import local_date
from bot.domain.models import Patient
from bot.store.repository import Repository
from bot.usecases.patient_text import KEEP_FOR, kept_record, kept_texts, message_to

KIND = "kept_look"  # the flag's kind (labelled in flag_rules.toml)
# Asked again this long after the newest kept words, and never in quiet hours: the 12 hours left always hold
# some time outside them.
REASK_AFTER = timedelta(hours=12)


@dataclass(frozen=True)
class Reask:
    """A patient to ask again: how many texts are kept, when they go, and whom "Send" reaches."""

    patient: Patient
    count: int
    deleted_at: datetime
    to_name: str


def flag_kept(repo: Repository, patient: Patient, now: datetime) -> None:
    """Mark what is kept as needing a look (asked again before the deletion) and flag it for the counselor,
    once a day in the patient's own time zone; audit-logged as the flag is (never the words)."""
    kept = kept_record(repo, patient.patient_id)
    if kept is None or not kept_texts(kept, now):
        return
    repo.set_kept_unsent(patient.patient_id, {**kept, "look": True, "reasked": False})
    day = local_date(now, patient.tz) if patient.tz else now.date()
    if repo.raise_flag(patient.patient_id, KIND, f"{KIND}:{day.isoformat()}", now, {}):
        repo.audit(now, patient.telegram_id, KIND, patient.patient_id)


def kept_sent(repo: Repository, patient_id: str, now: datetime) -> None:
    """The patient sent what was kept: the counselor has the words, so the flag that stood for them closes."""
    keys = [str(f["key"]) for f in repo.flags_of_kind(patient_id, KIND) if f["ack"] is None]
    if keys:
        repo.close_flags(patient_id, keys, now)


def reasks_due(repo: Repository, now: datetime) -> list[Reask]:
    """The patients whose words needing a look are kept past ``REASK_AFTER`` and not asked again yet."""
    due = []
    for pid, since in repo.kept_since().items():
        if not REASK_AFTER <= now - since < KEEP_FOR:
            continue
        kept = kept_record(repo, pid)
        patient = repo.patient(pid)
        if kept is None or not kept.get("look") or kept.get("reasked") or patient is None:
            continue
        count = len(kept_texts(kept, now))
        to = message_to(repo, patient, now)
        name = repo.counselor_name(to) or repo.counselor_name(patient.counselor_id) or ""
        if count:
            due.append(Reask(patient, count, since + KEEP_FOR, name))
    return due


def mark_reasked(repo: Repository, patient_id: str, count: int, now: datetime) -> bool:
    """Claim the asking again (once); False when the words changed, were sent or dropped meanwhile."""
    kept = kept_record(repo, patient_id)
    if kept is None or kept.get("reasked") or len(kept_texts(kept, now)) != count:
        return False
    repo.set_kept_unsent(patient_id, {**kept, "reasked": True})
    return True
