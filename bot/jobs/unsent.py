"""Kept unsent text is deleted on time: a sweep, derived from the store, so a restart never extends the
24 hours the patient was promised (the handler's one-off job is lost with the process).

The deletion cannot be undone, so it runs only on a clock checked against Telegram's, as retention does (ops
O95: started 2 days fast, the bot deleted two patients' words kept 15 minutes, 25 s before the clock check said the
clock was off): it waits for the first comparison and skips while the clock is off (bot/jobs/irreversible.py)."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.jobs import kept_reask
from bot.jobs.irreversible import clock_checked
from bot.telegram.services import App, Context
from bot.usecases.kept_stale import forget_all_stale

log = logging.getLogger(__name__)
INTERVAL = 600  # seconds: deleted at most ten minutes after its day is over
FIRST = 60.0  # seconds after start: by then the clock has most often been compared with Telegram's


def schedule(app: App) -> None:
    """Start the sweep (at start-up)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=FIRST, name="unsent")


async def _sweep_job(context: Context) -> None:
    app: App = context.application
    now, job = app.bot_data.svc.now(), context.job
    if job is not None and job.data is None:
        job.data = now  # when the waiting for a first clock comparison began
    since = job.data if job is not None and isinstance(job.data, datetime) else now
    try:  # asking again deletes nothing: on any clock (N261); a failure never holds up the deletion
        await kept_reask.reask(app)
    except Exception:
        log.exception("kept words that may need a look: asking again failed")
    if await clock_checked(app, "the deletion of kept unsent words after their day", now - since):
        await sweep(app)


async def sweep(app: App) -> list[str]:
    """Delete every patient's kept text that is past its day; returns their ids."""
    svc = app.bot_data.svc
    forgotten = await svc.db(forget_all_stale, svc.repo, svc.now())
    if forgotten:
        log.info("deleted kept unsent text of %d patient(s) after its day", len(forgotten))
    return forgotten
