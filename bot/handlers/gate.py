"""The first handler group: only private chats get through; the bot leaves groups."""

from __future__ import annotations

import logging

from telegram import Chat, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.telegram.services import Context

log = logging.getLogger(__name__)


async def private_only(update: Update, context: Context) -> None:
    """Stop every update that is not from a user in a private chat."""
    chat = update.effective_chat
    if chat is not None and chat.type == Chat.PRIVATE and update.effective_user is not None:
        return
    if chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP, Chat.CHANNEL):
        # In a group any member could press a counselor's buttons or read replies, so leave.
        log.warning("left non-private chat %s (%s)", chat.id, chat.type)
        try:
            await context.bot.leave_chat(chat.id)
        except TelegramError as exc:
            log.warning("could not leave chat %s: %s", chat.id, exc)
    raise ApplicationHandlerStop
