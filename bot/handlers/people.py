"""Who is behind an update: the patient lookup every patient feature starts with."""

from __future__ import annotations

from datetime import datetime

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.domain.models import Language, Patient, language_of
from bot.telegram.keyboards import answer_query, reply
from bot.telegram.services import Context
from bot.texts.base import pick


def app_language(update: Update) -> Language:
    """Someone with no stored language (not enrolled, or not known here): their Telegram app's."""
    user = update.effective_user
    return language_of(user.language_code if user else None)


def written_at(update: Update, context: Context) -> datetime | None:
    """When the person wrote this message (Telegram's date, on our clock); None for a tap. Words the bot
    reads long after (it was down) are passed with it, so their reader knows (gaps11 #9)."""
    message = update.message
    return context.svc.api.on_our_clock(message.date) if message is not None else None


async def stranger_words(update: Update, context: Context) -> str:
    """What someone who is not a patient here reads: the strangers' text, or, when they used /stop, that
    they stopped and how to come back, in their language (gaps11 #2: they were greeted as strangers)."""
    user = update.effective_user
    former = await context.svc.db(context.svc.repo.withdrawn_patient, user.id) if user else None
    if former is not None:
        return texts.stopped_again(former.language, closed=former.closed_by_program)
    return pick(app_language(update), texts.STRANGER, texts.STRANGER_ES)


async def patient_of(update: Update, context: Context) -> Patient | None:
    """The enrolled patient who sent this update, if any."""
    user = update.effective_user
    return await context.svc.db(context.svc.repo.patient_by_telegram, user.id) if user else None


async def patient_or_stranger(update: Update, context: Context) -> Patient | None:
    """The patient; anyone else is told, kindly, that this is for enrolled patients."""
    patient = await patient_of(update, context)
    if patient is None and update.effective_chat is not None:
        await update.effective_chat.send_message(await stranger_words(update, context))
    return patient


async def patient_or_refusal(update: Update, context: Context) -> Patient | None:
    """The patient; a button from anyone else is answered as stale, a message with the strangers' text."""
    patient = await patient_of(update, context)
    if patient is None:
        lang = app_language(update)
        if update.callback_query is not None:
            await answer_query(update.callback_query, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        else:
            await reply(update, await stranger_words(update, context))
    return patient


async def counselor_typed_patient_command(update: Update, context: Context) -> None:
    """A patient command (/checkin, /cope, ...) from a counselor: say so, instead of the strangers' text.

    Runs before the features and lets patients and strangers through untouched.
    """
    user = update.effective_user
    if user is None or await context.svc.db(context.svc.repo.counselor, user.id) is None:
        return
    if update.effective_chat is not None:
        await update.effective_chat.send_message(texts.PATIENT_COMMAND_FOR_COUNSELOR)
    raise ApplicationHandlerStop
