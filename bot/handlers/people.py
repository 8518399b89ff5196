"""Who is behind an update: the patient lookup every patient feature starts with."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.models import Patient
from bot.services import Context


async def patient_of(update: Update, context: Context) -> Patient | None:
    """The enrolled patient who sent this update, if any."""
    user = update.effective_user
    return await context.svc.db(context.svc.repo.patient_by_telegram, user.id) if user else None


async def patient_or_stranger(update: Update, context: Context) -> Patient | None:
    """The patient; anyone else is told, kindly, that this is for enrolled patients."""
    patient = await patient_of(update, context)
    if patient is None and update.effective_chat is not None:
        await update.effective_chat.send_message(texts.STRANGER)
    return patient
