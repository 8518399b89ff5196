"""A server clock minutes off Telegram's: one incident for the admins, from its notice to its all-clear
(newcomer6's finding 30; ops O111).

bot/telegram/clock.py measures the offset from every Bot API answer; this job reads it every minute. Beyond
its limit the bot logs an ERROR (again every ``REPEAT`` while it lasts), the incident begins on the record
(bot/store/reach_data.py keeps it in the data dir, so a restart neither repeats nor forgets it), the reachable
admins get one notice naming everything the wrong clock holds (the jobs that cannot be undone only add to the
incident: bot/jobs/irreversible.py), and ``iop-bot doctor --live`` fails. Once the clocks agree, the admins get
one all-clear with what happened meanwhile (alerts raised then, put right; jobs skipped), on the audit log and
in ``iop-bot doctor`` (bot/admin/doctor_conflicts.py).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.telegram.clock import LIMIT, describe
from bot.telegram.services import App, Context, Services

log = logging.getLogger(__name__)
EVERY = timedelta(minutes=1)
REPEAT = timedelta(minutes=30)
# A clock hovering at the limit (NTP slewing it back) ends and begins incidents minutes apart: one notice an hour.
TOLD_EVERY = timedelta(hours=1)


async def check_clock(context: Context) -> None:
    """One look at the measured offset: an ERROR while it is beyond the limit, the admins told once an incident."""
    svc = context.svc
    contact, now = svc.api, svc.now()
    skew = contact.clock_offset()
    if skew is None:
        return
    if abs(skew) <= LIMIT:
        contact.skew_warned_at = None  # the episode is over: a new one is logged again
        fixed = await svc.db(svc.repo.put_alert_times_right, now)
        if fixed:
            log.warning("%d open alert(s) raised while the clock was off: their times put right", len(fixed))
        if (over := await svc.db(svc.repo.clock_agreed, now, len(fixed))) is not None:
            await _all_clear(context, svc, over)
        return
    by_s = round(skew.total_seconds())
    untold = await svc.db(svc.repo.clock_off, now, by_s)
    warned = contact.skew_warned_at
    if warned is None or now - warned >= REPEAT:
        contact.skew_warned_at = now
        log.error(
            "this server's clock is %s Telegram's: reminders, check-in prompts and escalation rounds go out at "
            "the wrong time; turn on time sync (NTP)",
            describe(skew),
        )
    if not untold or not await svc.db(svc.repo.due_to_tell, "clock_skew", now, TOLD_EVERY):
        return
    await svc.db(svc.repo.clock_told)
    await _tell(context.application, svc, texts.clock_warning(describe(skew)), "the server clock")


async def _all_clear(context: Context, svc: Services, over: dict[str, Any]) -> None:
    skipped = [str(s) for s in over["skipped"]]
    log.warning(
        "this server's clock agrees with Telegram's again (it was %d s off since %s): %d alert(s) raised then put "
        "right; skipped meanwhile: %s",
        over["by_s"], over["since"], over["alerts"], ", ".join(skipped) or "nothing",
    )  # fmt: skip
    if not over["told"]:
        return  # an incident the admins never heard of (one within the hour) ends in the log and doctor only
    tz = svc.settings.tz
    since = datetime.fromisoformat(str(over["since"])).astimezone(tz)
    how_far = describe(timedelta(seconds=int(over["by_s"])))
    notice = texts.clock_agreed(how_far, since, svc.now().astimezone(tz), int(over["alerts"]), skipped)
    await _tell(context.application, svc, notice, "the server clock's all-clear")


async def _tell(app: App, svc: Services, notice: str, what: str) -> None:
    for admin in await reachable_admins(svc):
        try:
            await send_to_counselor(app.bot, svc, admin.telegram_id, notice)
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s about %s: %s", admin.telegram_id, what, exc)


def watch_clock(app: App) -> None:
    """Look at the clock offset every minute while the bot runs."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(check_clock, interval=EVERY, first=EVERY, name="clock-check")
