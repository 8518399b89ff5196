"""What the running bot does after a roster change made with `iop-bot` (bot/admin/people.py).

The operation changes the store; the people it concerns hear of it here, at once, over Telegram. A removed
counselor is left out of every alert from now on by the escalation policy itself (bot/domain/escalation.py).
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.error import TelegramError

from bot import texts
from bot.jobs.alerts import deliver_due
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.telegram.services import App

log = logging.getLogger(__name__)


async def counselor_removed(app: App, result: dict[str, Any]) -> None:
    """A removed counselor who was on call: loud when nobody of the settings' on-call list is left (the
    admins take the escalations and are told now), then whatever is due goes to who is still staff."""
    svc = app.bot_data.svc
    gone, name = int(result["telegram_id"]), str(result["name"])
    log.info("counselor %s removed: nothing more is sent to them", gone)
    if gone in svc.settings.oncall:
        removed = await svc.db(svc.repo.removed_counselors)
        left = [who for who in svc.settings.oncall if who not in removed]
        if left:
            log.warning("on-call counselor %s removed: %d other(s) still on call", gone, len(left))
        else:
            log.error(
                "on-call counselor %s removed and nobody else is on call: unacknowledged alerts escalate to "
                "the admins until [alerts] oncall names someone",
                gone,
            )
            admins = await reachable_admins(svc, exclude=gone)
            if not admins:
                log.error("no reachable admin could be told that nobody is on call")
            for admin in admins:
                try:
                    await send_to_counselor(app.bot, svc, admin.telegram_id, texts.oncall_removed(name))
                except TelegramError as exc:  # Unreachable included: already logged and marked
                    log.error("could not tell admin %s that nobody is on call: %s", admin.telegram_id, exc)
    await deliver_due(app)
