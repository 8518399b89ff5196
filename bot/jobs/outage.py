"""After the Bot API was out of reach for minutes while the bot ran, the admins hear of it (ops O74).

A 12-minute outage (Telegram or the network unreachable) left a trace only in the journal: an ERROR with a
traceback every 30 s while it lasted, nothing afterwards. The admins were not told that crisis answers and alert
cards of that window went out late, the audit log had no row, and under systemd the unit stayed "active". The
health probe (bot/telegram/health.py) marks the window from the last answer before it failed to the first after;
this job, shortly after that, tells the reachable admins once (the window, the alerts about words written in it,
the crisis answers that went on a later try), writes a ``bot_api_outage`` audit row and logs a WARNING;
`iop-bot doctor` shows the window for 30 days (bot/admin/doctor_conflicts.py).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)
EVERY = timedelta(seconds=30)
TOLD_AFTER = timedelta(minutes=3)  # shorter windows are a blip: a WARNING of the probe's, nothing more
ACTION = "bot_api_outage"  # bot/admin/doctor_conflicts.py reads it


def watch_outages(app: App) -> None:
    """Look for an outage that ended every half minute while the bot runs."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_look, interval=EVERY, first=EVERY, name="outage-check")


async def _look(context: Context) -> None:
    await report_outage(context.application)


async def report_outage(app: App) -> bool:
    """Tell of the outage that ended, if one did and it lasted ``TOLD_AFTER``; True when told."""
    svc = app.bot_data.svc
    contact = svc.api
    if contact.outage_over is None:
        return False
    (since, until), contact.outage_over = contact.outage_over, None
    replies, contact.late_replies = contact.late_replies, 0
    restarted, contact.outage_restarted = contact.outage_restarted, False
    if until - since < TOLD_AFTER:
        return False
    alerts = await _alerts_written(app, since, until)
    minutes = int((until - since).total_seconds() // 60)
    log.warning(
        "the Bot API could not be reached for %d min (%s to %s): %d alert(s) about words written then and %d "
        "crisis answer(s) on a later try went late%s; the admins are told",
        minutes, since.isoformat(timespec="seconds"), until.isoformat(timespec="seconds"), alerts, replies,
        " (the bot was restarted in it)" if restarted else "",
    )  # fmt: skip
    try:
        await svc.db(
            svc.repo.audit, svc.now(), 0, ACTION, "-",
            since=since.isoformat(), until=until.isoformat(), alerts=alerts, late_replies=replies,
            restarted=restarted,
        )  # fmt: skip
    except Exception as exc:  # a full disk: the WARNING above and the admins' message still say it
        log.error("the Bot API outage could not be recorded: %s", exc)
    tz = svc.settings.tz
    notice = texts.outage_over(
        since.astimezone(tz), until.astimezone(tz), alerts, replies, restarted=restarted
    )
    for admin in await reachable_admins(svc):
        try:
            await send_to_counselor(app.bot, svc, admin.telegram_id, notice)
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s about the Bot API outage: %s", admin.telegram_id, exc)
    return True


async def _alerts_written(app: App, since: datetime, until: datetime) -> int:
    """Alerts (open, or acknowledged since) about words written in the window: their cards went late."""
    svc = app.bot_data.svc
    found = {a.alert_id: a for a in await svc.db(svc.repo.open_alerts)}
    found.update({a.alert_id: a for a in await svc.db(svc.repo.acknowledged_since, since)})
    return sum(since <= (a.written_at or a.created_at) <= until for a in found.values())
