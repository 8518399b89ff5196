"""A command typed as a word, or a bare "?" to the bot (newcomer24 N264): the command named ("Did you mean
/checkin?") with the list, or the list, instead of "I've kept that … Send it to your counselor?". Only when the
words answer nothing else: no question waits, no counselor's message is being answered, no alert is followed."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.command_words import asks_about_the_bot, command_meant
from bot.domain.models import Patient
from bot.handlers.common import help_command
from bot.handlers.unknown_command import PATIENT_NAMES
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.patient_text import alert_followed, answered


async def typed_command(update: Update, context: Context, patient: Patient, text: str) -> bool:
    """Answer a command word or a bare question to the bot; False when the words are something else."""
    meant = command_meant(text, PATIENT_NAMES)
    if meant is None and not asks_about_the_bot(text):
        return False
    svc = context.svc
    now = svc.now()
    if answered(await svc.db(svc.repo.messages, patient.patient_id), now) is not None:
        return False  # "?" after the counselor wrote is for them
    if await svc.db(alert_followed, svc.repo, patient.patient_id, now) is not None:
        return False  # words for the alert's people
    if meant is None:
        await help_command(update, context)
        return True
    said = texts.did_you_mean_es(meant) if patient.language == "es" else texts.did_you_mean(meant)
    await reply(update, said + pick(patient.language, texts.HELP_PATIENT, texts.HELP_PATIENT_ES))
    return True
