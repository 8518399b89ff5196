"""The hand-back on a counselor's first morning back from away (newcomer20 N201).

"Away" ends by itself on its day, and nobody was told: Dana's first morning back had no word of the alerts Pat
acknowledged while she was away (and how), or of the messages her patients sent him that nobody answered; Pat was
not told his cover had ended. From ``AT`` (program time) on the day they are back, and for ``WITHIN`` after it if
the bot was down, the counselor and their cover each get one note (claimed before sending: once, whatever restarts
come). An away ended early with `--back` is told there (bot/admin/away.py). Held while the clock is wrong.
"""

from __future__ import annotations

import logging
from datetime import time, timedelta

from bot.jobs.clock_hold import held
from bot.jobs.reach import send_or_queue
from bot.telegram.services import App, Context
from bot.texts.handback import hand_back as hand_back_text
from bot.usecases.handback import hand_back

log = logging.getLogger(__name__)
INTERVAL = 600  # seconds between sweeps
AT = time(8, 0)  # program time: the morning they are back
WITHIN = timedelta(days=3)  # a bot down on their first morning still hands back this long after
ONCE = timedelta(days=366)  # the claim: one hand-back per away


def schedule(app: App) -> None:
    """Start the sweep (at start-up)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=45, name="hand-back")


async def _sweep_job(context: Context) -> None:
    await sweep(context.application)


async def sweep(app: App) -> int:
    """One pass: how many hand-backs were sent (each to the counselor and their cover)."""
    svc = app.bot_data.svc
    now = svc.now()
    local = now.astimezone(svc.settings.tz)
    if local.time() < AT or held(svc, "hand-back notes"):
        return 0
    sent = 0
    for away in await svc.db(svc.repo.aways):
        if not away.until <= local.date() <= away.until + WITHIN:
            continue
        if await svc.db(svc.repo.counselor, away.counselor_id) is None:
            continue  # removed since: nothing to hand back to
        key = f"handback:{away.counselor_id}:{away.until.isoformat()}"
        if not await svc.db(svc.repo.due_to_tell, key, now, ONCE):
            continue
        back = await svc.db(hand_back, svc.repo, away, now, svc.settings.tz, svc.flag_rules)
        parts = (back.counselor, back.cover, back.since, back.alerts, back.waiting)
        await send_or_queue(app.bot, svc, away.counselor_id, hand_back_text(*parts, to_cover=False))
        if away.cover is not None and away.cover != away.counselor_id:
            await send_or_queue(app.bot, svc, away.cover, hand_back_text(*parts, to_cover=True))
        log.info("counselor %s is back: hand-back sent (%d alerts, %d waiting)",
                 away.counselor_id, len(back.alerts), len(back.waiting))  # fmt: skip
        sent += 1
    return sent
