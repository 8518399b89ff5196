"""What goes by this server's clock and cannot be taken back waits while that clock is known to be wrong (ops O76).

A bot started 2 days fast (a bad RTC, a VM restored with a wrong clock) sent Wednesday's "Reminder: your
appointment today at 5:00 PM" on Monday, and the counselor's "Before group today" digest with it. While the
measured offset from Telegram's clock is beyond the clock check's limit, session reminders and counselor digests
wait, with one WARNING per episode (the admins hear it in the clock notice, bot/jobs/clock.py); once the clocks
agree they go if still due (a reminder for a session still ahead, a digest before its group). Right after a start,
before the first comparison, they wait ``UNMEASURED_WAIT`` at most, then go on this server's clock.
"""

from __future__ import annotations

import logging
import time

from bot.telegram.clock import describe, flagged
from bot.telegram.services import Services

log = logging.getLogger(__name__)
UNMEASURED_WAIT = 120.0  # seconds after the first look that timed sends wait for the clock's first comparison


def unmeasured(svc: Services) -> bool:
    """Whether this server's clock has not been compared with Telegram's yet, within ``UNMEASURED_WAIT``."""
    if svc.api.clock_offset() is not None:
        return False
    mono = time.monotonic()
    svc.state.unmeasured_since = svc.state.unmeasured_since or mono
    return mono - svc.state.unmeasured_since < UNMEASURED_WAIT


def held(svc: Services, what: str) -> bool:
    """Whether ``what`` ("session reminders") waits now for the clocks to agree; a WARNING once per episode."""
    skew = flagged(svc.api)
    if skew is None:
        svc.state.clock_held.discard(what)
        return unmeasured(svc)
    if what not in svc.state.clock_held:
        svc.state.clock_held.add(what)
        log.warning("%s held: this server's clock is %s Telegram's; they go once the clocks agree, if still due",
                    what, describe(skew))  # fmt: skip
    return True
