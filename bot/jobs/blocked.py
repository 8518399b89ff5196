"""A patient who blocked the bot: pushes to them stop, and their counselor hears of it.

Pushes (check-in prompts, reminders) marked the patient inactive without a word (newcomer finding 10-25),
while a /stop is announced: the counselor learned of it from the caseload's status, if at all. Now the
counselor is told at once, the way a message they tried to send would be refused.
"""

from __future__ import annotations

import logging

from bot import texts
from bot.domain.models import Patient
from bot.jobs.present import tell_present
from bot.telegram.services import App

log = logging.getLogger(__name__)


async def patient_blocked(app: App, patient: Patient, *, told: bool = False) -> None:
    """Mark the patient inactive (no more planned pushes) and tell their counselor, once; ``told`` when the
    refusal was already said to the person who tried (newcomer5 finding 24: after a refused "Message
    patient" the patient still read "active" on the caseload, in `patient list` and in the digest)."""
    svc = app.bot_data.svc
    log.warning("patient %s blocked the bot; marked inactive", patient.patient_id)
    if patient.status in ("inactive", "withdrawn"):
        return  # told when it first happened; a withdrawn patient keeps that status
    await svc.db(svc.repo.save_patient, patient.with_changes(status="inactive", status_changed_at=svc.now()))
    if told:
        return
    # Their counselor, and whoever stands in while they are away (newcomer20 N196 addenda); kept for later when
    # someone cannot be reached now, and the caseload still shows the status.
    await tell_present(app.bot, svc, patient, texts.patient_blocked_bot(patient.alias))
