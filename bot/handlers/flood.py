"""Flood control: after crisis screening, so even a flood of messages is screened."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.handlers.follow import pass_on
from bot.handlers.people import app_language, patient_of
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.patient_text import follow

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
    await _keep_for_alert(update, context)
    raise ApplicationHandlerStop


async def _keep_for_alert(update: Update, context: Context) -> None:
    """While a crisis alert about the patient is followed, throttled words still reach its people (newcomer5
    finding 20: nothing of a flood may be lost to them); they gather on the card the flood started."""
    message, svc = update.message, context.svc
    if message is None or not message.text:
        return
    patient = await patient_of(update, context)
    if patient is None:
        return
    followed = await svc.db(follow, svc.repo, patient, message.text, svc.now())
    if followed is not None and followed.alert is not None:
        await pass_on(context, patient, followed)
