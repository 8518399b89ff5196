"""The first start after `iop-bot restore` tells the team that the bot's records are a backup's (ops O94).

An older backup restored as the live program was everyone's "now": no word to the admins, /caseload showing the
backup's alerts as open for days and last check-ins as days ago, nothing in the log or doctor. Now the start
logs a WARNING, writes a ``restored_program_started`` audit row, tells the reachable admins what date the data
is from and what of the time after it is gone, tells every other reachable counselor their view is from that
date, and marks the restore told (bot/store/restored.py); doctor notes it for a week (bot/admin/doctor_restored.py).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from telegram.error import TelegramError

from bot import texts
from bot.domain.reach import PENDING
from bot.jobs.reach import send_to_counselor
from bot.store import restored
from bot.telegram.services import App, Services

log = logging.getLogger(__name__)


async def restored_from(svc: Services) -> datetime | None:
    """When the backup this data dir was restored from was taken, if it was (a card from before it may name an
    alert these records do not hold: ops O104)."""
    found = await asyncio.to_thread(restored.read, svc.settings.data_dir)
    return found.taken if found is not None else None


async def at_start(app: App) -> None:
    """Tell the team once, if this data dir was restored and they were not told yet."""
    svc = app.bot_data.svc
    data_dir = svc.settings.data_dir
    found = await asyncio.to_thread(restored.read, data_dir)
    if found is None or found.told:
        return
    log.warning(
        "this program was restored from a backup taken %s (restored %s from %s): everything after the backup is "
        "gone; the team is told",
        found.taken.isoformat(timespec="seconds"), found.at.isoformat(timespec="seconds"), found.file,
    )  # fmt: skip
    await svc.db(
        svc.repo.audit, svc.now(), 0, "restored_program_started", "-",
        taken=found.taken.isoformat(), restored_at=found.at.isoformat(), file=found.file,
    )  # fmt: skip
    counselors, reach = await svc.db(svc.repo.counselors), await svc.db(svc.repo.reaches)
    tz = svc.settings.tz
    admin_text = texts.restored_admin(found.taken.astimezone(tz), found.at.astimezone(tz))
    told_admins = 0
    for counselor in counselors:
        if reach.get(counselor.telegram_id, PENDING).state != "reachable":
            continue
        admin = counselor.role == "admin"
        text = admin_text if admin else texts.restored_counselor(found.taken.astimezone(tz))
        try:
            await send_to_counselor(app.bot, svc, counselor.telegram_id, text)
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell %s that the program was restored: %s", counselor.telegram_id, exc)
            continue
        told_admins += admin
    if not told_admins:
        log.error("no admin could be told in Telegram that the program runs on a backup; doctor notes it")
    try:
        await asyncio.to_thread(restored.told, data_dir)
    except OSError as exc:
        log.error(
            "could not mark the restore told in %s (%s): the next start tells it again", restored.MARK, exc
        )
