"""Flood control: after crisis screening, so even a flood of messages is screened."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.handlers.people import app_language
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick

log = logging.getLogger(__name__)


async def throttle(update: Update, context: Context) -> None:
    """Too many messages too fast: one polite answer, then silence until the window passes."""
    user = update.effective_user
    # Typed messages only: button taps come from the bot's own questions and are cheap to serve.
    if user is None or (update.message is None and update.edited_message is None):
        return
    verdict = context.svc.state.flood.check(user.id, time.monotonic())
    if verdict == "ok":
        return
    if verdict == "warn":
        log.warning("user %s is sending too fast; throttled", user.id)
        await reply(update, pick(app_language(update), texts.SLOW_DOWN, texts.SLOW_DOWN_ES))
    raise ApplicationHandlerStop
