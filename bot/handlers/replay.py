"""Carry out an update that had to wait for the counselor's PIN, once the PIN is right.

The update goes to the feature handlers again (not through the once/gate/screen groups, which it
passed the first time). Its button tap was answered when the PIN was asked for, and Telegram
refuses a second answer, so the replayed tap's answer becomes a chat message when it says something.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from telegram import CallbackQuery, Update
from telegram.error import TelegramError

from bot.telegram.services import Context

log = logging.getLogger(__name__)


class _AnsweredQuery(CallbackQuery):
    """A tap that was answered already: what its handler would answer is sent to the chat instead."""

    __slots__ = ()

    async def answer(self, text: str | None = None, *args: Any, **kwargs: Any) -> bool:
        if text and self.message is not None:
            with contextlib.suppress(TelegramError):
                await self.get_bot().send_message(self.message.chat.id, text)
        return True


def _answered(update: Update) -> Update:
    query = update.callback_query
    if query is None:
        return update
    copy = _AnsweredQuery(
        query.id,
        query.from_user,
        query.chat_instance,
        message=query.message,
        data=query.data,
        inline_message_id=query.inline_message_id,
    )
    copy.set_bot(query.get_bot())
    return Update(update.update_id, callback_query=copy)


async def carry_out(context: Context, update: Update) -> None:
    """Run the first matching feature handler (group 0 and later) on ``update``."""
    app = context.application
    replay = _answered(update)
    for group in sorted(g for g in app.handlers if g >= 0):
        for handler in app.handlers[group]:
            check = handler.check_update(replay)
            if check is not None and check is not False:
                await handler.handle_update(replay, app, check, context)  # type: ignore[arg-type]
                return
    log.info("nothing to carry out for update %s after the PIN", update.update_id)
