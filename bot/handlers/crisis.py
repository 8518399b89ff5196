"""Crisis safety net: every patient text is screened before anything else sees it."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.escalation import AlertKind
from bot.handlers.ui import close_buttons, reply
from bot.jobs.alerts import raise_alert
from bot.models import Patient
from bot.safety import Level, assess
from bot.services import Context

log = logging.getLogger(__name__)


def _text_of(update: Update) -> str | None:
    message = update.effective_message
    if message is None:
        return None
    text = message.text or message.caption
    # A bare command ("/checkin") carries nothing to screen; "/start I want to die" does.
    if text and text.startswith("/") and " " not in text.strip():
        return None
    return text


async def screen(update: Update, context: Context) -> None:
    """Messages, edits and captions: crisis language gets the crisis response first, whatever flow is open."""
    text, user = _text_of(update), update.effective_user
    if not text or user is None:
        return
    level = assess(text).level
    if level == Level.NONE:
        return
    svc = context.svc
    if await svc.db(svc.repo.counselor, user.id) is not None:
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    if level == Level.CRISIS:
        await _crisis(update, context, patient, text)
        if patient is not None and await _answers_a_plan(context, patient):
            return  # warning signs in a safety plan name the crisis: saved, or the plan could never be
        # Stop here: the crisis answer must not be followed by "that's not a number" or a summary.
        raise ApplicationHandlerStop
    # Cravings get the relapse answer until they have their own (issue 14); never dropped.
    if patient is not None and level in (Level.RELAPSE, Level.CRAVING):
        await _relapse(update, context, patient, text)


async def _answers_a_plan(context: Context, patient: Patient) -> bool:
    """Whether this text answers a safety-plan step (the kinds in bot_data["crisis_keeps_answer"])."""
    svc = context.svc
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    keeps: frozenset[str] = context.application.bot_data.get("crisis_keeps_answer", frozenset())
    return pending is not None and str(pending.get("kind")) in keeps


async def respond(update: Update, context: Context, patient: Patient, text: str, kind: AlertKind) -> None:
    """The crisis response and a counselor alert, for a crisis a feature detects itself (PHQ-9 item 9)."""
    await _crisis(update, context, patient, text, kind)


async def _crisis(
    update: Update, context: Context, patient: Patient | None, text: str, kind: AlertKind = "crisis"
) -> None:
    svc = context.svc
    lines = svc.settings.crisis_for(patient.locale if patient else None).lines
    if patient is None:
        # Someone not enrolled: resources only, and nothing about them is stored.
        await reply(update, texts.crisis_response(lines, svc.settings.after_hours_phone, None, False))
        return
    log.warning("crisis language from patient %s", patient.patient_id)
    plan = await _plan(context, patient)
    body = texts.crisis_response(lines, svc.settings.after_hours_phone, plan, True)
    buttons = [
        [(texts.BTN_SAFE, "cr:safe")],
        [(texts.BTN_NOT_SAFE, "cr:notsafe")],
        [(texts.BTN_MISREAD, "cr:misread")],
    ]
    await reply(update, body, buttons)
    if await svc.db(svc.repo.draft, patient.patient_id) is not None:
        await reply(update, texts.CRISIS_CHECKIN_KEPT)
    await raise_alert(context.application, kind, patient, text)


async def _relapse(update: Update, context: Context, patient: Patient, text: str) -> None:
    svc = context.svc
    await reply(
        update,
        texts.RELAPSE_RESPONSE,
        [[(texts.BTN_URGE_SURFING, "cope:go:urge_surfing"), (texts.BTN_NOT_NOW_RELAPSE, "cope:no")]],
    )
    await svc.db(
        svc.repo.raise_flag, patient.patient_id, "relapse", f"relapse:{svc.now().isoformat()}", svc.now(), {}
    )
    await raise_alert(context.application, "relapse", patient, text)


async def _plan(context: Context, patient: Patient) -> str | None:
    """The patient's safety plan as HTML, when the safety-plan feature is present and filled in."""
    render = context.application.bot_data.get("render_safety_plan")
    return await render(context, patient) if render is not None else None


async def safe_button(update: Update, context: Context) -> None:
    """The answer to "Are you safe right now?"; recorded, and "not safe" escalates at once."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None and user is not None
    svc = context.svc
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    if patient is None:
        await query.answer()
        return
    answer = query.data.removeprefix("cr:")
    await query.answer()
    await svc.db(svc.repo.audit, svc.now(), user.id, f"crisis_answer:{answer}", patient.patient_id)
    await close_buttons(update)
    if answer == "notsafe":
        await reply(update, texts.CRISIS_NOT_SAFE)
        await raise_alert(context.application, "not_safe", patient)
    elif answer == "safe":
        await reply(update, texts.CRISIS_SAFE)
    else:
        # Recorded, but the counselor's alert stays open: a person decides, not the patient's retraction.
        await reply(update, texts.CRISIS_MISREAD)
