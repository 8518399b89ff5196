"""Jobs that cannot be undone (retention's erasure) run only on a clock checked against Telegram's (ops O20).

A VM restored with a wrong clock, or a bad time source, started the bot two days ahead: 30 s later retention
erased a discharged patient's data on that clock, before the bot had compared it with Telegram's (a minute
later it said "ahead of Telegram's", too late). Such a job now waits until the offset is measured, and while
it is beyond ``LIMIT`` it skips with an ERROR, until the clocks agree; the skip joins the clock's incident (bot/jobs/clock.py),
whose one notice tells the admins that data due for erasure is kept and whose all-clear names what was skipped.
A Bot API behind a proxy that strips the Date header is never measured: after ``UNMEASURED_FOR`` the job runs
on this server's clock, with an ERROR saying so.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.telegram.clock import LIMIT, describe
from bot.telegram.services import App

log = logging.getLogger(__name__)
UNMEASURED_FOR = timedelta(hours=1)


async def clock_checked(app: App, what: str, waited: timedelta) -> bool:
    """Whether ``what`` (an irreversible job, named for logs and the admins) may run now; ``waited``: how
    long it has waited so far for a first measurement."""
    svc = app.bot_data.svc
    skew = svc.api.clock_offset()
    if skew is None:
        if waited < UNMEASURED_FOR:
            log.info("%s waits: this server's clock has not been compared with Telegram's yet", what)
            return False
        log.error(
            "%s runs on this server's clock: it could not be compared with Telegram's (no Date header in the "
            "Bot API's answers, a proxy?); keep time sync (NTP) on",
            what,
        )
        return True
    if abs(skew) <= LIMIT:
        return True
    log.error(
        "%s skipped: this server's clock is %s Telegram's, and it cannot be undone; it runs once the clocks "
        "agree (turn on time sync, NTP)",
        what,
        describe(skew),
    )
    # One incident, one notice (ops O111): the clock's notice says what waits, its all-clear what was skipped.
    await svc.db(svc.repo.clock_off, svc.now(), round(skew.total_seconds()), what)
    return False
