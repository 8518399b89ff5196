"""Urgent alerts still open past their last reminder, brought back to people once a day (newcomer20 N200).

After an alert's last round nothing more was sent: 2½ days later Drew's urgent check-in alert lived only in a digest
line and in `doctor`'s FAIL, nobody had reached him, and his next word from the bot was a cheerful check-in prompt.
Once a day, from ``AT`` in the program's time zone, the counselor it is for, the on-call counselors and the admins
get one message listing the ones still open at least ``AFTER`` past their last round (claimed per alert and day
before sending, so a restart or a second sweep never sends it twice). Held while the server's clock is known to be
wrong, as every timed send is (bot/jobs/clock_hold.py).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, time, timedelta

from bot import texts
from bot.domain.escalation import Alert, Policy, past_last_round
from bot.jobs.alerts import policy
from bot.jobs.clock_hold import held
from bot.jobs.present import present_for
from bot.jobs.reach import reachable_admins, send_or_queue
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)
INTERVAL = 600  # seconds between sweeps
AT = time(9, 0)  # program time: the morning, when a counselor starts the day
AFTER = timedelta(
    hours=12
)  # past the last round this long: the night's last reminders are not repeated at once


def schedule(app: App) -> None:
    """Start the sweep (at start-up)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=30, name="stale-alerts")


async def _sweep_job(context: Context) -> None:
    await sweep(context.application)


def _stale(alert: Alert, now: datetime, rules: Policy) -> bool:
    return past_last_round(alert, now - AFTER, rules)


async def sweep(app: App) -> int:
    """One pass: how many alerts were brought back."""
    svc = app.bot_data.svc
    now = svc.now()
    local = now.astimezone(svc.settings.tz)
    if local.time() < AT or held(svc, "stale alert reminders"):
        return 0
    rules = policy(svc.settings)
    stale = [a for a in await svc.db(svc.repo.open_alerts) if _stale(a, now, rules)]
    admins = [a.telegram_id for a in await reachable_admins(svc)]
    to: dict[int, list[tuple[str, str, datetime, int]]] = defaultdict(list)
    brought = 0
    for alert in sorted(stale, key=lambda a: a.created_at):
        # Claimed first (per alert and local day): sent at most once a day, whatever restarts or sweeps come.
        if not await svc.db(svc.repo.mark_sent, alert.patient_id, f"stale:{alert.alert_id}:{local.date()}"):
            continue
        alias = await svc.db(svc.repo.alias_of, alert.patient_id) or texts.A_PATIENT
        minutes = int((now - alert.created_at).total_seconds() // 60)
        # The cover too while the counselor is away (newcomer20 N196 addenda): the alert reached them first.
        present = (await present_for(svc, alert.counselor_id)).who
        for who in dict.fromkeys([*present, *rules.oncall, *admins]):
            to[who].append((alias, alert.kind, alert.created_at.astimezone(svc.settings.tz), minutes))
        brought += 1
    for who, items in to.items():
        await send_or_queue(app.bot, svc, who, texts.stale_alerts(items))
    if brought:
        log.warning(
            "%d urgent alert(s) still open past their last reminder: brought back to %d people",
            brought,
            len(to),
        )
    return brought
