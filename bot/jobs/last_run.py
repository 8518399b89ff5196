"""An unclean stop of the last run (kill -9, a watchdog kill of a hung process, a power loss) on the record
(ops O68): at start a WARNING, an audit row, the stop kept for `iop-bot doctor` (bot/store/last_run.py), and the
admins told once when messages may have waited longer than TELL_ADMINS; then a sign of life every minute from
the event loop, and a clean stop's mark when the bot stops (bot/runtime.py). Both keep how Telegram last
answered, so an outage the bot was restarted in is told like one it ran through (ops O102)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.store import last_run
from bot.telegram.services import App, Context, Services

log = logging.getLogger(__name__)
ALIVE_EVERY = 60.0  # seconds: how precisely the next start knows when a killed run last answered
TELL_ADMINS = timedelta(minutes=5)  # a wait the clinic should hear of in Telegram, not only in doctor


async def at_start(app: App) -> None:
    """Record this start, say the last run's unclean stop if it had one, and keep a sign of life."""
    svc = app.bot_data.svc
    now = svc.now()
    try:
        before = await asyncio.to_thread(last_run.read, svc.settings.data_dir)
        stop = await asyncio.to_thread(last_run.began, svc.settings.data_dir, now)
    except OSError as exc:  # a full disk: the bot runs on, with no record of how it stops
        log.error(
            "could not record this start in %s (%s): an unclean stop will go unseen", last_run.STAMP, exc
        )
        return
    if app.job_queue is not None:
        app.job_queue.run_repeating(_alive, interval=ALIVE_EVERY, first=ALIVE_EVERY, name="last-run")
    _outage_across(svc, before, now)
    if stop is None:
        return
    minutes = int(stop.waited.total_seconds() // 60)
    log.warning(
        "the last run did not stop cleanly (a kill, a crash, a watchdog restart or a power loss): its last sign of "
        "life was %s, this start %s; messages sent in between waited up to %d min",
        stop.last_alive.isoformat(timespec="seconds"),
        now.isoformat(timespec="seconds"),
        minutes,
    )
    alive, waited = stop.last_alive.isoformat(), int(stop.waited.total_seconds())
    await svc.db(svc.repo.audit, now, 0, "unclean_stop", "-", last_alive=alive, waited_s=waited)
    if stop.waited < TELL_ADMINS:
        return
    text = texts.unclean_stop_notice(stop.last_alive.astimezone(svc.settings.tz), minutes)
    admins = await reachable_admins(svc)
    if not admins:
        log.error(
            "no reachable admin could be told that messages waited %d min after an unclean stop", minutes
        )
    for admin in admins:
        try:
            await send_to_counselor(app.bot, svc, admin.telegram_id, text)
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s of the unclean stop: %s", admin.telegram_id, exc)


def _outage_across(svc: Services, before: dict[str, Any], now: datetime) -> None:
    """Ops O102: Telegram was out of reach when the last run stopped, or at a start since: the window, from then
    to this start (which reached it), is told by bot/jobs/outage.py as one the bot ran through."""
    since = last_run.outage_across(before)
    if since is None or since > now:
        return
    log.info("Telegram was out of reach from %s until this start", since.isoformat(timespec="seconds"))
    if svc.api.outage_over is None:
        svc.api.outage_over, svc.api.outage_restarted = (since, now), True


def started_not(svc: Services) -> None:
    """A start the Bot API did not answer (exit 1, restarted): kept, so the start that reaches it tells the window."""
    try:
        last_run.start_failed(svc.settings.data_dir, svc.now())
    except OSError as exc:
        log.error("could not record the failed start in %s (%s)", last_run.STAMP, exc)


def stopped(app: App) -> None:
    """A clean stop: the next start says nothing."""
    svc = app.bot_data.svc
    try:
        last_run.stopped(svc.settings.data_dir, svc.now(), _seen(svc))
    except OSError as exc:
        log.error(
            "could not record the clean stop in %s (%s): the next start will call it unclean",
            last_run.STAMP,
            exc,
        )


async def _alive(context: Context) -> None:
    svc = context.svc
    try:
        await asyncio.to_thread(last_run.alive, svc.settings.data_dir, svc.now(), _seen(svc))
    except OSError as exc:
        log.warning("could not write the bot's sign of life to %s: %s", last_run.STAMP, exc)


def _seen(svc: Services) -> last_run.ApiSeen:
    return last_run.ApiSeen(svc.api.last_ok, svc.api.outage_since)
