"""Start-up: every scheduled job rebuilt from stored data, then the command menus (moved out of
bot/telegram/app.py, the composition root, at its size limit)."""

from __future__ import annotations

import logging

from bot.handlers import menus
from bot.jobs import alerts as alert_jobs
from bot.jobs import daily, handback, oncall_roster, reminders, set_aside, setup_waiting, stale_alerts
from bot.jobs import digest as digest_jobs
from bot.jobs import reach as reach_jobs
from bot.jobs import retention as retention_jobs
from bot.jobs import unsent as unsent_jobs
from bot.telegram.services import App

log = logging.getLogger(__name__)


async def post_init(app: App) -> None:
    """Rebuild every scheduled job from stored data, then set the command menus."""
    services = app.bot_data.svc
    log.info("%d patients' daily prompts, nudges and practice prompts to plan", daily.schedule(app, services))
    alert_jobs.schedule(app)  # open alerts from before a restart: the first sweep picks them up
    stale_alerts.schedule(app)  # open past their last reminder: brought back once a day
    handback.schedule(app)  # a counselor's first morning back from away: what happened meanwhile
    reminders.schedule(app)
    digest_jobs.schedule(app)
    retention_jobs.schedule(app)  # daily, when [privacy] retention_days is set
    unsent_jobs.schedule(app)  # kept unsent text deleted after its day, across restarts too
    set_aside.schedule(app)  # the admins hear of records set aside at start (newcomer6 finding 12)
    setup_waiting.schedule(app)  # a set-up a crisis interrupted is asked again after the hold
    if app.job_queue is not None:  # one request per counselor: not worth holding the first update back
        app.job_queue.run_once(lambda _: menus.set_menus(app, services), when=0, name="menus")
    else:
        await menus.set_menus(app, services)
    await reach_jobs.warn_at_start(app)
    await oncall_roster.tell_rotation(app)  # a rotation is a hand-over: those added and removed are told
