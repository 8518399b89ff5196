"""The update being handled, as the store's writes record it: its id (ops O62) and when the person wrote it (ops O85).

An audit row's time is when the bot handled the update: after an outage or a restart that is minutes after the
patient acted (the newcomer's "/sos" at 18:38 was on the record as 18:46), which a records request or an
incident review reads as the time they asked for help. The message's own date (Telegram's, whole seconds) goes
onto every row written while handling it, as ``acted_at``, when it is a minute or more before the row's time.
"""

from __future__ import annotations

from contextvars import Token
from datetime import datetime

from telegram import Update

from bot.store import moved

Handling = tuple[Token[int | None], Token[datetime | None]]


def handling(update: object) -> Handling:
    """Set the update being handled (until ``handled``)."""
    if not isinstance(update, Update):
        return moved.HANDLING.set(None), moved.ACTED.set(None)
    sent = update.message.date if update.message is not None else None
    return moved.HANDLING.set(update.update_id), moved.ACTED.set(sent)


def handled(tokens: Handling) -> None:
    """The update's handling is over."""
    moved.HANDLING.reset(tokens[0])
    moved.ACTED.reset(tokens[1])
