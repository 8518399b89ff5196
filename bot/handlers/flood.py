"""Flood control: after crisis screening, so even a flood of messages is screened."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.domain.flood import FloodGuard
from bot.telegram.keyboards import reply
from bot.telegram.services import Context

log = logging.getLogger(__name__)
_GUARD = "flood_guard"


async def throttle(update: Update, context: Context) -> None:
    """Too many messages too fast: one polite answer, then silence until the window passes."""
    user = update.effective_user
    # Typed messages only: button taps come from the bot's own questions and are cheap to serve.
    if user is None or (update.message is None and update.edited_message is None):
        return
    settings = context.svc.settings
    guard: FloodGuard = context.bot_data.setdefault(
        _GUARD, FloodGuard(settings.flood_messages, settings.flood_seconds)
    )
    verdict = guard.check(user.id, time.monotonic())
    if verdict == "ok":
        return
    if verdict == "warn":
        log.warning("user %s is sending too fast; throttled", user.id)
        await reply(update, texts.SLOW_DOWN)
    raise ApplicationHandlerStop
