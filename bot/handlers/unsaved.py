"""A patient's words or tap the store could not save (a full or read-only disk): a person hears of it.

The alert behind a crisis is sent unsaved when it cannot be stored (bot/jobs/alerts.py); what the patient did
next used to be answered "nothing is lost, try again in a minute" and reach nobody (newcomer4 finding 1: "por
favor alguien llámeme, estoy sola" on a full disk). Now their counselor and on-call are told at once that
something from this patient could not be saved (not the words: they are on no page to show), at most
once every ``EVERY`` per patient and only while the patient was lately in crisis, and the patient is told so.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.jobs.present import present_for
from bot.jobs.reach import on_call_now
from bot.telegram.services import Context
from bot.usecases.patient_text import alert_followed

log = logging.getLogger(__name__)
EVERY = timedelta(minutes=10)
LATELY = timedelta(hours=2)  # as long as words after an alert are followed (bot/domain/follow.py)


async def lately_in_crisis(context: Context, patient_id: str) -> bool:
    """Whether this patient was in crisis lately: asked "Are you safe?", an alert not stored, or one followed."""
    svc, now = context.svc, context.svc.now()
    asked = svc.state.safety_asked.get(patient_id)
    unsaved = svc.state.unsaved_alerts.get(patient_id)
    if (asked is not None and now - asked[3] < LATELY) or (unsaved is not None and now - unsaved < LATELY):
        return True
    try:
        return await svc.db(alert_followed, svc.repo, patient_id, now) is not None
    except Exception:
        log.exception("patient %s: could not read whether an alert is followed", patient_id)
        return False


async def tell_unsaved(update: object, context: Context, *, unreadable: str | None = None) -> bool:
    """Tell the patient's counselor and on-call that this patient's update could not be saved; False when
    the update is not a patient's (or nobody could be told). ``unreadable``: the patient whose records could
    not be opened (ops O43), told only when it is the one who wrote."""
    user = update.effective_user if isinstance(update, Update) else None
    if user is None:
        return False
    svc = context.svc
    try:
        patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    except Exception:  # the store may be what failed; the patient still gets the plain apology
        log.exception("could not look up who wrote, to tell their counselor of an unsaved message")
        return False
    if patient is None or unreadable not in (None, patient.patient_id):
        return False  # a counselor who opened someone's page, or another patient's records
    if not await lately_in_crisis(context, patient.patient_id):
        return False  # an ordinary answer: the apology says to try again, as before
    now = svc.now()
    last = svc.state.unsaved_told.get(patient.patient_id)
    if last is not None and now - last < EVERY:
        return True
    at = now.astimezone(svc.settings.tz)
    told = False
    # The cover too while the counselor is away (newcomer20 N196 addenda).
    present = (await present_for(svc, patient.counselor_id)).who
    for to in dict.fromkeys([*present, *await on_call_now(svc)]):
        try:
            words = texts.unkept_words if unreadable else texts.unsaved_words
            await context.bot.send_message(to, words(patient.alias, at))
            told = True
        except TelegramError as exc:
            log.error("unsaved words of patient %s not told to %s: %s", patient.patient_id, to, exc)
    if told:
        svc.state.unsaved_told[patient.patient_id] = now
    return told
