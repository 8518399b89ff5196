"""/settings: show what is set (time zone, check-in time, quiet hours); each item changes on its own.

Choosing a zone or a time reuses the set-up questions (bot/handlers/onboarding.py), which end here,
not with a second question, when the patient is already set up.
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain import quiet
from bot.domain.models import Patient
from bot.handlers import onboarding
from bot.handlers import quiet as quiet_handlers
from bot.telegram.keyboards import answer_query, reply
from bot.telegram.services import Context
from bot.texts.base import pick

PREFIX = "set:"


async def settings_command(update: Update, context: Context) -> None:
    """/settings: the summary with a button per item (set-up first, for someone who has not finished it)."""
    patient = await onboarding.patient_or_refusal(update, context)
    if patient is None:
        return
    if not patient.is_set_up:
        await onboarding.resume_setup(update, context, patient)
        return
    await show(update, context, patient)


async def show(update: Update, context: Context, patient: Patient) -> None:
    """The settings summary and its buttons."""
    settings = context.svc.settings
    assert patient.timezone is not None and patient.checkin_time is not None
    window = quiet.quiet_hours(patient, settings)
    lang = patient.language
    text = texts.settings_summary(
        patient.timezone,
        patient.checkin_time,
        window,
        quiet.chosen(patient) is not None,
        lang,
        weekly=patient.status == "aftercare",  # newcomer22 N220
    )
    zone, at = (
        pick(lang, texts.BTN_CHANGE_ZONE, texts.BTN_CHANGE_ZONE_ES),
        pick(lang, texts.BTN_CHANGE_TIME, texts.BTN_CHANGE_TIME_ES),
    )
    rows = [
        [(zone, f"{PREFIX}tz"), (at, f"{PREFIX}time")],
        quiet_handlers.settings_row(patient, settings),
    ]
    await reply(update, text, rows)


async def button(update: Update, context: Context) -> None:
    """ "set:tz" or "set:time": ask just that question."""
    query = update.callback_query
    assert query is not None and query.data is not None
    patient = await onboarding.patient_or_refusal(update, context)
    if patient is None or not patient.is_set_up:
        stale = pick(patient.language if patient else "en", texts.STALE_BUTTON, texts.STALE_BUTTON_ES)
        await answer_query(query, stale)
        return
    await answer_query(query)
    choice = query.data.removeprefix(PREFIX)
    if choice == "tz":
        await onboarding.ask_timezone(update, context, patient, changing=True)
    elif choice == "time":
        await onboarding.ask_time(update, context, patient, changing=True)
    else:
        await reply(update, pick(patient.language, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
