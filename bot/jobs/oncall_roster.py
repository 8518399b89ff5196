"""A change of who is on call, told at the start that loads it (newcomer22 N225, P2).

A rotation is a hand-over, but it lived only in the settings file: Pat never learned he was on call (his first sign
was a reminder about a colleague's patient at 12:46 AM), Morgan was not told he now was, Pat not that he no longer
was. At each start the on-call list is compared with the one the last start told; those added and those removed
are told in Telegram, and the change is audited. A first start tells whoever is on call.
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import send_to_counselor
from bot.telegram.services import App

log = logging.getLogger(__name__)


async def tell_rotation(app: App) -> None:
    """Tell the counselors added to or removed from [alerts] oncall since the last start; then record it. Told
    before recorded: a crash between tells them again, never not at all."""
    svc = app.bot_data.svc
    now, current = svc.now(), list(svc.settings.oncall)
    before = await svc.db(svc.repo.oncall_roster)
    known = {c.telegram_id for c in await svc.db(svc.repo.counselors)}
    added = [i for i in current if i not in (before or []) and i in known]
    removed = [i for i in (before or []) if i not in current and i in known]
    minutes = svc.settings.escalate_after_minutes
    for to, text in [
        *((i, texts.on_call_from_now(svc.settings.program_name, minutes)) for i in added),
        *((i, texts.on_call_no_longer(svc.settings.program_name)) for i in removed),
    ]:
        try:
            await send_to_counselor(app.bot, svc, to, text)
        except (
            TelegramError
        ) as exc:  # Unreachable included: logged and marked there; doctor says who cannot be reached
            log.error("could not tell counselor %s of the on-call change: %s", to, exc)
    # Only counselors are recorded as told: an id registered later is told at the start after (doctor names it).
    told = [i for i in current if i in known]
    if before != told:
        await svc.db(svc.repo.set_oncall_roster, told, now, added, removed)
