"""Kept unsent text is deleted on time: a sweep, derived from the store, so a restart never extends the
24 hours the patient was promised (the handler's one-off job is lost with the process)."""

from __future__ import annotations

import logging

from bot.telegram.services import App, Context
from bot.usecases.kept_stale import forget_all_stale

log = logging.getLogger(__name__)
INTERVAL = 600  # seconds: deleted at most ten minutes after its day is over


def schedule(app: App) -> None:
    """Start the sweep (at start-up)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=5.0, name="unsent")


async def _sweep_job(context: Context) -> None:
    await sweep(context.application)


async def sweep(app: App) -> list[str]:
    """Delete every patient's kept text that is past its day; returns their ids."""
    svc = app.bot_data.svc
    forgotten = await svc.db(forget_all_stale, svc.repo, svc.now())
    if forgotten:
        log.info("deleted kept unsent text of %d patient(s) after its day", len(forgotten))
    return forgotten
