"""A patient who blocked the bot: pushes to them stop, and their counselor hears of it.

Pushes (check-in prompts, reminders) marked the patient inactive without a word (newcomer finding 10-25),
while a /stop is announced: the counselor learned of it from the caseload's status, if at all. Now the
counselor is told at once, the way a message they tried to send would be refused.
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot import texts
from bot.domain.models import Patient
from bot.jobs.reach import send_to_counselor
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
    try:
        await send_to_counselor(app.bot, svc, patient.counselor_id, texts.patient_blocked_bot(patient.alias))
    except TelegramError as exc:  # Unreachable included: logged, the caseload still shows the status
        log.error("counselor of patient %s not told they blocked the bot: %s", patient.patient_id, exc)
