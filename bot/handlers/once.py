"""Each Telegram update is handled at most once, even across a crash and restart.

Telegram re-delivers updates that were fetched but not confirmed when the bot died; without this,
a typed answer could be applied twice (answering the next check-in question too).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.services import Context

log = logging.getLogger(__name__)


async def claim(update: Update, context: Context) -> None:
    """Stop an update already handled before a restart."""
    svc = context.svc
    try:
        claimed = await svc.db(svc.repo.claim_update, update.update_id)
    except OSError as exc:
        # A full or read-only disk: handle it anyway (a crisis must be answered); whatever the
        # update changes cannot be saved either, and the feature says so.
        log.error("update %s could not be claimed: %s", update.update_id, exc)
        return
    if not claimed:
        log.info("update %s was handled before a restart; skipped", update.update_id)
        raise ApplicationHandlerStop
