"""A typed answer replayed after a crash, which its first handling had already applied (ops O62).

An update handled before a kill -9 but not yet marked done in the inbox is replayed at the next start. Its
first handling moved the patient's conversation (the check-in's next question, a form's next step), and
that write recorded the update's id (bot/store/moved.py). Handled again, the same "yes" answered the *next*
question: "used since last check-in?" (a relapse on the record, the counselor paged) or "Are you safe right
now?". So a replayed update that moved the conversation before is not applied again while a question is
open (a pending input, or "Are you safe right now?"); an open check-in asks its current question once more,
since the crash may have come before it was sent. So does a check-in button tap replayed after it was
applied (ops O66: the question read "→ Yes" and the next one never came): it is not applied again, and the
question the check-in waits for is asked.

A typed answer to "Are you safe right now?" that the replayed update gave before the stop (its claim names the
update) is not passed on again as new words; a "not safe" whose page the crash cut short is answered again.

Crisis words are let through: the screen recognises its own replays (bot/handlers/crisis_again.py
``replayed``) and answers again an alert whose answer may not have reached the patient.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.domain.checkins import Draft, is_expired
from bot.domain.models import Patient
from bot.domain.screen.assess import Level, assess
from bot.handlers import checkin, crisis_answers, messages
from bot.handlers.crisis_answers import question_waiting
from bot.store.storage import RecordsUnavailable
from bot.telegram.keyboards import answer_query
from bot.telegram.services import Context
from bot.usecases.patient_text import Passed

log = logging.getLogger(__name__)
SAFETY_CLAIM = "crisis_answer:"  # bot/handlers/crisis_answers.py's claim of a safety question's answer
PAGES = ("notsafe", "unsure")  # the answers that page (crisis_answers._PAGES)


async def applied_before(update: Update, context: Context) -> None:
    """Stop a replayed text or check-in tap that already moved this patient's conversation (it is not applied
    twice)."""
    svc, user, message = context.svc, update.effective_user, update.message
    if user is not None and update.callback_query is not None and update.update_id in svc.state.replayed:
        await _tap_applied_before(update, context)
        return
    if user is None or message is None or message.text is None or update.update_id not in svc.state.replayed:
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    if patient is None:
        return
    try:
        moved = await svc.db(svc.repo.moved_by, patient.patient_id, update.update_id)
        pending = await svc.db(svc.repo.pending_input, patient.patient_id) if moved else None
        claim = await svc.db(svc.repo.claimed_by, patient.patient_id, update.update_id, SAFETY_CLAIM)
    except RecordsUnavailable:
        return  # handled as any other text: nothing here may hold up a patient's words
    crisis = assess(message.text, year=svc.now().year).level == Level.CRISIS
    if claim is not None and not crisis:
        await _safety_answer_replayed(update, context, patient, claim)
    if not moved or crisis:
        return
    if pending is None and await question_waiting(context, patient) is None:
        # Nothing open it could answer again: handled as any other words, as before; but a message to the
        # counselor, which closes its question as it is stored, is delivered as stored (ops O62's narrow gap:
        # handled again, it was offered back as words "kept, not passed to anyone", never reaching them).
        relayed = await svc.db(svc.repo.message_by, patient.patient_id, update.update_id)
        if relayed is None:
            return
        log.warning(
            "patient %s: update %s, replayed after a restart, stored a message before the stop: delivered now "
            "(again, if it went before the stop)",
            patient.patient_id,
            update.update_id,
        )
        await messages.pass_on(
            update, context, patient, Passed((relayed,), None, relayed.counselor_id), first=True
        )
        raise ApplicationHandlerStop
    log.warning(
        "patient %s: update %s, replayed after a restart, was applied before the stop: not applied again",
        patient.patient_id,
        update.update_id,
    )
    if pending is not None and pending.get("kind") == checkin.PENDING and update.effective_chat is not None:
        stored = await svc.db(svc.repo.draft, patient.patient_id)
        if stored and not is_expired(Draft.from_dict(stored), svc.now(), checkin.MAX_AGE):
            # Its next question may not have gone out before the crash: asked again, nothing stored.
            await checkin.begin(update.effective_chat, context, patient, update)
    raise ApplicationHandlerStop


async def _tap_applied_before(update: Update, context: Context) -> None:
    """A check-in answer tap whose answer is saved already: the check-in's current question asked again (the
    crash may have come before it went; if it had gone, it comes once more, "Let's pick up where we left off")."""
    svc, query, chat, user = context.svc, update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and user is not None
    parts = (query.data or "").split(":")
    if len(parts) != 4 or parts[0] != "ci" or chat is None:
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    try:
        if patient is None or not await svc.db(svc.repo.moved_by, patient.patient_id, update.update_id):
            return
        stored = await svc.db(svc.repo.draft, patient.patient_id)
    except RecordsUnavailable:
        return  # handled as any other tap
    log.warning(
        "patient %s: check-in tap %s, replayed after a restart, was applied before the stop: its question "
        "asked again",
        patient.patient_id,
        update.update_id,
    )
    await answer_query(query)
    if (
        stored
        and stored.get("draft_id") == parts[1]
        and not is_expired(Draft.from_dict(stored), svc.now(), checkin.MAX_AGE)
    ):
        await checkin.begin(chat, context, patient, update)
    raise ApplicationHandlerStop


async def _safety_answer_replayed(update: Update, context: Context, patient: Patient, claim: str) -> None:
    """A typed answer to "Are you safe right now?" that this very update gave before the stop: not passed on
    again as new words ("Alex wrote again after this alert", "I've passed that to Dana Rivera"). A "not safe"
    or "not sure" whose page a crash cut short (no urgent alert open for the patient) is answered again."""
    svc, answer = context.svc, claim.split(":")[-1]
    log.warning(
        "patient %s: update %s, replayed after a restart, answered the safety question before the stop",
        patient.patient_id,
        update.update_id,
    )
    if answer in PAGES:
        alerts = await svc.db(svc.repo.open_alerts)
        if not any(a.patient_id == patient.patient_id and a.urgent for a in alerts):
            await crisis_answers.answered(update, context, patient, False, answer, patient.language, "")
    raise ApplicationHandlerStop
