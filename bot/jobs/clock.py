"""A server clock minutes off Telegram's: say so loudly, once per episode (newcomer6's finding 30).

bot/telegram/clock.py measures the offset from every Bot API answer; this job reads it every minute. Beyond
its limit the bot logs an ERROR (again every ``REPEAT`` while it lasts) and tells its reachable admins once
(a day at most, restarts included),
and ``iop-bot doctor --live`` fails, until the clocks agree again.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import NOTICE_EVERY, reachable_admins, send_to_counselor
from bot.telegram.clock import LIMIT, describe
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)
EVERY = timedelta(minutes=1)
REPEAT = timedelta(minutes=30)


async def check_clock(context: Context) -> None:
    """One look at the measured offset: an ERROR while it is beyond the limit, the admins told once."""
    svc = context.svc
    contact, now = svc.api, svc.now()
    skew = contact.clock_offset()
    if skew is None or abs(skew) <= LIMIT:
        contact.skew_warned_at = None  # the episode is over: a new one is told again
        if skew is not None and (fixed := await svc.db(svc.repo.put_alert_times_right, now)):
            log.warning("%d open alert(s) raised while the clock was off: their times put right", len(fixed))
        return
    warned = contact.skew_warned_at
    if warned is not None and now - warned < REPEAT:
        return
    contact.skew_warned_at = now
    log.error(
        "this server's clock is %s Telegram's: reminders, check-in prompts and escalation rounds go out at "
        "the wrong time; turn on time sync (NTP)",
        describe(skew),
    )
    # Told once a day at most, as the other notices: a restart (newcomer8 N10) does not repeat it.
    if warned is not None or not await svc.db(svc.repo.due_to_tell, "clock_skew", now, NOTICE_EVERY):
        return
    warning = texts.clock_warning(describe(skew))
    for admin in await reachable_admins(svc):
        try:
            await send_to_counselor(context.bot, svc, admin.telegram_id, warning)
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s about the server clock: %s", admin.telegram_id, exc)


def watch_clock(app: App) -> None:
    """Look at the clock offset every minute while the bot runs."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(check_clock, interval=EVERY, first=EVERY, name="clock-check")
