"""The audit log watched while the bot runs (ops O122, O123: both P1).

An audit segment replaced under the running bot (`sed -i`), or a row deleted, reordered or duplicated in it, was
found only by a plain `iop-bot doctor` someone happened to run: the bot started and ran on it without a word, the
admins were never told, and `doctor --live` (the README's monitoring command) said ok. Now the whole chain is read
30 s after a start and daily after (in a thread of its own, not the store's), a segment replaced under the writer
is caught at the next append (bot/store/audit_guard.py), and either is an ERROR, an ``audit_chain_broken`` row,
a "Bot health" notice to the admins once a day per trouble while it lasts, and a FAIL in `doctor --live`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from datetime import datetime, timedelta

from telegram.error import TelegramError

from bot import texts
from bot.config.settings import Settings
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.jobs.rollback_watch import check_rollback
from bot.store import audit_head, audit_log, rollback
from bot.store.audit_damaged import damaged
from bot.store.audit_head import Tally
from bot.store.audit_log import AuditLogRefused
from bot.store.crypto import FernetCodec
from bot.store.rollback import Ledger
from bot.telegram.services import App, Context, Services

log = logging.getLogger(__name__)
EVERY = timedelta(minutes=1)
READ_EVERY = timedelta(days=1)  # the whole chain: seconds of CPU on a big log
TOLD_EVERY = timedelta(days=1)


def watch_audit(app: App) -> None:
    """Look at the audit log every minute (the whole chain daily) while the bot runs."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_look, interval=EVERY, first=timedelta(seconds=30), name="audit-watch")


async def _look(context: Context) -> None:
    await look(context.application)


def chain_break(settings: Settings, ledger: Ledger | None = None, tally: Tally | None = None) -> str:
    """Where the audit log's chain breaks, "" when it holds (a last line being written is no break); ``ledger``
    (ops O142) and ``tally`` (the head, ops O137) are fed every record that opens, past a break too."""
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None

    def read(check_chain: bool) -> None:
        for record in audit_log.records(settings.data_dir, codec, check_chain=check_chain):
            if ledger is not None:
                ledger.feed(record.row)
            if tally is not None:
                tally.feed(record)

    try:
        read(True)
    except AuditLogRefused as exc:
        if ledger is not None:
            ledger.reset()  # read again without the chain check, so rows past the break count
        with contextlib.suppress(AuditLogRefused):  # a line that does not open ends what can be read
            read(False)
        return str(exc)
    return ""


async def rows_lost(svc: Services, lost: str, now: datetime) -> None:
    """Rows the program recorded that the log no longer holds: an ERROR and a row, once per finding."""
    if lost and (aside := await asyncio.to_thread(damaged, svc.settings.data_dir)):  # ops O139's set-aside
        lost += f" (a damaged segment set aside, {aside[-1].name}, may hold them)"
    if lost and lost != svc.state.audit_lost:
        log.error("%s; see `iop-bot audit --verify`", lost)
        await svc.db(svc.repo.audit, now, 0, "audit_rows_missing", "-", what=lost)
    svc.state.audit_lost = lost or svc.state.audit_lost  # told while the bot runs: the head moves on


async def look(app: App) -> list[str]:
    """Read the chain when due, gather what is wrong, tell the admins; returns the troubles."""
    svc = app.bot_data.svc
    state, now = svc.state, svc.now()
    if state.audit_verified_at is None or now - state.audit_verified_at >= READ_EVERY:
        state.audit_verified_at = now
        ledger, tally = rollback.ledger(now), Tally(await svc.db(audit_head.kept, svc.repo))
        broken = await asyncio.to_thread(chain_break, svc.settings, ledger, tally)
        await check_rollback(app.bot, svc, ledger, now)  # alerts.json put back from an older copy (O142)
        await rows_lost(svc, tally.lost(), now)  # the whole log or its newest rows deleted (O137)
        if broken and broken != state.audit_broken:
            log.error("the audit log's chain breaks: %s; see `iop-bot audit --verify`", broken)
            await svc.db(svc.repo.audit, now, 0, "audit_chain_broken", "-", where=broken)
        state.audit_broken = broken
    await svc.db(audit_head.save, svc.repo)  # after the check: the head the next start compares
    troubles = await svc.db(svc.repo.audit_troubles)
    if state.audit_lost:
        troubles.append(state.audit_lost)
    for copy in await asyncio.to_thread(damaged, svc.settings.data_dir):  # ops O139: set aside at a start
        troubles.append(f"a damaged audit segment was set aside as {copy.name} (a line of it did not open)")
    if state.audit_broken:
        troubles.append(f"its chain breaks at {state.audit_broken}")
    state.audit_troubles = troubles
    untold = []
    for trouble in troubles:  # each once a day while it lasts, restarts included; new ones at once
        key = "audit:" + hashlib.sha256(trouble.encode()).hexdigest()[:16]
        if await svc.db(svc.repo.due_to_tell, key, now, TOLD_EVERY):
            untold.append(trouble)
    if untold:
        admins = await reachable_admins(svc)
        if not admins:
            log.error("no reachable admin could be told that the audit log was changed or damaged")
        for admin in admins:
            try:
                await send_to_counselor(
                    app.bot, svc, admin.telegram_id, texts.audit_trouble("; ".join(untold))
                )
            except TelegramError as exc:  # Unreachable included: already logged and marked
                log.error("could not tell admin %s about the audit log: %s", admin.telegram_id, exc)
    return troubles
