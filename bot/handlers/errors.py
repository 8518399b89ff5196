"""The one error handler: log without patient text, and answer kindly instead of going silent."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.services import Context
from bot.store.storage import StoreWriteError

log = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    """Log the failure by ids only and tell the user something went wrong."""
    error = context.error
    ids = ""
    if isinstance(update, Update):
        user = update.effective_user
        ids = f" (update {update.update_id}, user {user.id if user else '-'})"
    if isinstance(error, StoreWriteError):
        log.error("could not save%s: %s", ids, error)
        text = texts.SAVE_FAILED
    else:
        # exc_info carries the traceback, never the message text, which stays out of logs.
        log.error("error while handling an update%s: %r", ids, error, exc_info=error)
        text = texts.SOMETHING_WENT_WRONG
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await update.effective_chat.send_message(text)
        except TelegramError:
            log.warning("could not tell the user about the error%s", ids)
