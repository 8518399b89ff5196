"""The time the alert sweep decides escalation rounds by: the server's clock, unless it just stepped (ops O44).

A server clock stepped 3 hours forward (an NTP step, a bad RTC) made every open alert's rounds due at once: the
sweep sent each alert's last reminder and told its patient nobody had answered, within seconds, before the clock
check (bot/jobs/clock.py) had seen the step; stepping back did not bring the rounds back. Now each sweep compares
the wall clock with time.monotonic() since its last look. When they part by more than the clock check's limit,
one Bot API call asks Telegram's clock (every answer's Date header, bot/telegram/clock.py): if it agrees with the
wall clock, the wall clock was put right and is followed from then on; if not, the rounds follow the time that
really passed (monotonic) until the two agree again, and an ERROR says so.

A server clock known to be wrong (measured beyond the limit, ops O76: a VM started 2 days fast ran every open
alert to its last round in its first minute) does not count rounds at all: they are counted on Telegram's clock
(this server's less the measured offset), each alert on the clock its times were stamped on (one raised while the
clock was off keeps that clock, bot/domain/alert_clock.py), and its deliveries are stamped on that clock too.
Before the first comparison (bot/jobs/clock_hold.py's wait after a start at most) only first cards go, no reminder rounds.

A clock function set in place of the running one (`Services.clock`: tests make time pass that way) is taken as it
is given from its first reading: only a step within one clock is a step.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from telegram.error import TelegramError

from bot.domain.escalation import Alert
from bot.jobs.clock_hold import unmeasured
from bot.telegram.clock import LIMIT, describe, flagged
from bot.telegram.services import App, Services

log = logging.getLogger(__name__)
ASK_SECONDS = (
    5.0  # the one Bot API call that asks Telegram's clock: the sweep holds the alerts' lock meanwhile
)
LOG_EVERY = 30 * 60.0  # seconds between two ERRORs of one step episode


async def escalation_now(app: App) -> datetime | None:
    """Now, for deciding which alert rounds are due (see the module's docstring); None: hold every round but
    the first card, this clock not compared with Telegram's yet."""
    svc = app.bot_data.svc
    state, wall, mono = svc.state, svc.now(), time.monotonic()
    if (skew := flagged(svc.api)) is not None:
        state.escalation_anchor = (wall, mono, svc.clock)  # a fix later is a step Telegram agrees with
        return wall - skew
    if unmeasured(svc):
        return None
    anchor = state.escalation_anchor
    if anchor is None or anchor[2] is not svc.clock:
        state.escalation_anchor = (wall, mono, svc.clock)
        return wall
    elapsed = anchor[0] + timedelta(seconds=mono - anchor[1])
    # Both clocks minutes on since the last look (a sweep runs every half minute): the process was paused, or
    # both jumped (ops O86: a wall clock 40 min on, monotonic too, ran an alert 10 s old to its last round).
    stalled = mono - anchor[1] > LIMIT.total_seconds()
    if (abs(wall - elapsed) <= LIMIT and not stalled) or await _telegram_agrees(app, mono):
        state.escalation_anchor = (
            wall,
            mono,
            svc.clock,
        )  # followed from here: slow drift and a corrected clock pass
        state.clock_step_logged = None
        return wall
    sample = svc.api.last_sample
    if (
        stalled and sample is not None and sample[0] >= mono
    ):  # Telegram's time, from the answer just asked for
        log.error("this server's clock jumped: %s Telegram's since the last alert sweep; alert rounds follow "
                  "Telegram's clock until they agree", describe(sample[1]))  # fmt: skip
        return wall - sample[1]
    if state.clock_step_logged is None or mono - state.clock_step_logged >= LOG_EVERY:
        state.clock_step_logged = mono
        log.error(
            "this server's clock stepped to %s the time that passed since the last alert sweep, and Telegram's "
            "clock does not agree with it: alert rounds follow the time that passed until they agree again",
            describe(wall - elapsed),
        )
    return elapsed


AlertClock = Callable[[Alert], datetime]  # the sweep's time on one alert's clock


def alert_clock(now: datetime | None) -> AlertClock:
    """The sweep's ``now`` on each alert's own clock: moved by the offset it was raised under (none on the right
    clock); with no ``now``, its creation, so only its first card is due."""

    def at(alert: Alert) -> datetime:
        return alert.created_at if now is None else now + timedelta(seconds=alert.clock_ahead)

    return at


def stamp(svc: Services, alert: Alert) -> datetime:
    """Now, on ``alert``'s own clock (see alert_clock), for its deliveries and its age on a card."""
    return svc.now() - (flagged(svc.api) or timedelta(0)) + timedelta(seconds=alert.clock_ahead)


async def _telegram_agrees(app: App, since: float) -> bool:
    """Whether an answer from the Bot API that came after `since` puts Telegram's clock within the limit of
    this server's (one call made now if none came)."""
    contact = app.bot_data.svc.api
    sample = contact.last_sample
    if sample is None or sample[0] < since:
        try:
            await asyncio.wait_for(app.bot.get_me(), ASK_SECONDS)
        except (TelegramError, TimeoutError) as exc:
            log.warning("could not ask Telegram's clock after a step of this server's: %s", exc)
            return False
        sample = contact.last_sample
    return sample is not None and sample[0] >= since and abs(sample[1]) <= LIMIT


def clock_facts(svc: Services, written_at: datetime | None) -> dict[str, Any]:
    """A new alert's ``written_at`` on this server's clock (Telegram stamps a message's date on its own), and
    the offset of this clock from Telegram's when beyond the limit, kept with it until the clocks agree again and
    its times are put right (bot/domain/alert_clock.py, ops O69)."""
    skew = svc.api.clock_offset()
    ahead = skew.total_seconds() if skew is not None and abs(skew) > LIMIT else 0.0
    return {"written_at": written_at and svc.api.on_our_clock(written_at), "clock_ahead": ahead}
