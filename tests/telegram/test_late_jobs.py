"""A job due while the event loop was busy still runs (newcomer11 O4): APScheduler's default skips a run more
than a second late with a WARNING, which dropped the command menus at every slow start-up and would drop a
crisis answer's resend (handlers/safety_retry.py) due while the bot was busy."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from tests.conftest import Harness


async def test_a_one_off_job_seconds_late_still_runs(bot: Harness) -> None:
    ran = asyncio.Event()

    async def job(_: object) -> None:
        ran.set()

    assert bot.app.job_queue is not None
    when = bot.services.now() - timedelta(seconds=30)  # as if the loop had been busy for half a minute
    bot.app.job_queue.run_once(job, when, name="late")
    await asyncio.wait_for(ran.wait(), timeout=10)
