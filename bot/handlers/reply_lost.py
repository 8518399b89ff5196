"""A reply flood control held past the limiter's patience (bot/telegram/limiter.py, ops O130): one ERROR line,
not a traceback, and the admins told at most once an hour (alert cards have their own path, never this one)."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.telegram.limiter import PATIENCE
from bot.telegram.services import Context

log = logging.getLogger(__name__)
TOLD_EVERY = timedelta(hours=1)


async def reply_lost(context: Context, ids: str) -> None:
    svc = context.svc
    svc.state.replies_lost += 1
    log.error("a reply was not sent%s: Telegram's flood control held it past %.0f s", ids, PATIENCE)
    if not await svc.db(svc.repo.due_to_tell, "flood:replies", svc.now(), TOLD_EVERY):
        return
    count, svc.state.replies_lost = svc.state.replies_lost, 0
    text = texts.reply_lost(count, int(PATIENCE // 60))

    async def tell() -> None:  # its own task: the admins' send waits the same flood, not this update
        for admin in await reachable_admins(svc):
            try:
                await send_to_counselor(context.bot, svc, admin.telegram_id, text)
            except TelegramError as exc:
                log.error("could not tell admin %s that replies were given up: %s", admin.telegram_id, exc)

    context.application.create_task(tell(), name="replies-lost")
