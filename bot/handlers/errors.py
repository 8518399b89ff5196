"""The one error handler: log without patient text, and answer kindly instead of going silent."""

from __future__ import annotations

import errno
import logging

from telegram import Update
from telegram.error import BadRequest, RetryAfter, TelegramError

from bot import texts
from bot.domain.models import language_of
from bot.handlers.message_unsaved import message_unsaved
from bot.handlers.reply_lost import reply_lost
from bot.handlers.unsaved import tell_unsaved
from bot.store.storage import RecordsUnavailable, StoreWriteError
from bot.telegram.services import Context
from bot.telegram.steps import a_step
from bot.texts.base import pick

log = logging.getLogger(__name__)
# A disk that is full or read-only: the answer was not saved, and trying again later will work.
_DISK_ERRORS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT}
_TOLD = "error_told_update"


async def on_error(update: object, context: Context) -> None:
    """Log the failure by ids only and tell the user something went wrong."""
    error = context.error
    ids = ""
    if isinstance(update, Update):
        # The update's id only: a Telegram user id is a real account, beside a failure of their words (O65).
        ids = f" (update {update.update_id})"
    if isinstance(error, RecordsUnavailable):
        # Never an empty history: the person hears why, their counselor and the admins are told.
        from bot.telegram.unavailable import HELPED, tell_patient

        helped = False
        if isinstance(update, Update):
            # One update can fail in several handler groups: one answer (newcomer5 finding 37: "can't open
            # your records" twice after SOS), and after help went out, one that does not undo it.
            told = context.chat_data if context.chat_data is not None else {}
            if told.get(_TOLD) == update.update_id:
                return
            told[_TOLD] = update.update_id
            helped = told.get(HELPED) == update.update_id
        # Their words or tap while lately in crisis (the alert lives in alerts.json, which opens): a person
        # hears that something came and was not kept (ops O43: it reached nobody, and the patient read that
        # their counselor "has been told").
        passed = not helped and await tell_unsaved(update, context, unreadable=error.patient_id)
        if not await tell_patient(update, context.application, error, helped=helped, passed=passed):
            log.error("a job could not open patient %s's records: %s", error.patient_id, error)
        return
    if isinstance(error, RetryAfter):  # waited out as long as the limiter allows: the admins hear (ops O130)
        await reply_lost(context, ids)
        return
    if isinstance(error, BadRequest) and "not modified" in error.message:
        # A double tap edited a message to what it already shows: nothing went wrong for the person.
        log.info("message already up to date%s", ids)
        return
    if isinstance(error, StoreWriteError) or (isinstance(error, OSError) and error.errno in _DISK_ERRORS):
        log.error("could not save%s: %s", ids, error)
        # A message to the counselor, or the asking for one: said plainly that it did not go (ops O98).
        lost = (
            await message_unsaved(update, context, _language(update)) if isinstance(update, Update) else None
        )
        # Words are handled again once the disk has room (bot/telegram/delivery.py); a command or a tap, answered
        # "try again", is not: minutes later it started what they no longer meant (ops O98), nor a message
        # the patient was told to send again (handled later, it would be words to nobody).
        if isinstance(update, Update) and not a_step(update) and lost is None:
            context.svc.state.unsaved_updates.add(update.update_id)
        if await tell_unsaved(update, context):  # a patient's words or tap: a person knows now
            text = lost or pick(_language(update), texts.SAVE_FAILED_TOLD, texts.SAVE_FAILED_TOLD_ES)
        else:
            text = lost or pick(_language(update), texts.SAVE_FAILED, texts.SAVE_FAILED_ES)
    else:
        # exc_info carries the traceback, never the message text, which stays out of logs.
        log.error("error while handling an update%s: %r", ids, error, exc_info=error)
        text = pick(_language(update), texts.SOMETHING_WENT_WRONG, texts.SOMETHING_WENT_WRONG_ES)
    if isinstance(update, Update) and update.effective_chat is not None:
        # One update can fail in several handler groups (its claim, then the feature): one apology.
        told = context.chat_data if context.chat_data is not None else {}
        if told.get(_TOLD) == update.update_id:
            return
        told[_TOLD] = update.update_id
        try:
            await update.effective_chat.send_message(text)
        except TelegramError:
            log.warning("could not tell the user about the error%s", ids)


def _language(update: object) -> str:
    """The person's Telegram app language: the store may be what failed, so no patient lookup here."""
    user = update.effective_user if isinstance(update, Update) else None
    return language_of(user.language_code if user else None)
