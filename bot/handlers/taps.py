"""A second tap on the same button does nothing new, whatever the button.

Telegram delivers each tap as its own update, and a double tap arrives before the first tap's
reply has removed or changed the keyboard, so the client's view of the message cannot tell them
apart. Here a tap with the same data on the same message as the person's previous tap there,
within a short window, is answered and stopped before any feature sees it. A different button on
the same message (an RSVP changed from "yes" to "can't make it") always goes through.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.handlers.people import app_language
from bot.telegram.keyboards import answer_query
from bot.telegram.services import Context
from bot.texts.base import pick

WINDOW = timedelta(seconds=30)  # a double tap, not a deliberate second look minutes later
_MAX = 5000  # remembered taps before old ones are dropped


async def once_per_tap(update: Update, context: Context) -> None:
    """Stop the repeat of a button tap (same person, message and data) within the window."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or query.message is None or query.data is None:
        return
    now = context.svc.now()
    taps = context.svc.state.last_taps
    key = (user.id, query.message.chat.id, query.message.message_id)
    last = taps.get(key)
    taps[key] = (query.data, now)
    if len(taps) > _MAX:
        for old in [k for k, (_, at) in taps.items() if now - at > WINDOW]:
            del taps[old]
    if last is not None and last[0] == query.data and now - last[1] <= WINDOW:
        await answer_query(query, pick(app_language(update), texts.TAPPED_ALREADY, texts.TAPPED_ALREADY_ES))
        raise ApplicationHandlerStop
