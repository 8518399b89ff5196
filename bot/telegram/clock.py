"""This server's clock against Telegram's, read from the Date header every Bot API answer carries.

newcomer6's finding 30: on a server whose clock ran minutes fast (no time sync), every crisis card said the
patient's words "waited before the bot read it", reminders and escalation rounds go out at the wrong
minute, and nothing compared the clocks. Each answer gives one sample of the offset (``ApiContact.clock_offset``
takes the smallest of the last few); bot/jobs/clock.py says so loudly beyond ``LIMIT``, the crisis card
measures waiting on Telegram's clock (``ApiContact.on_our_clock``), and ``iop-bot doctor --live`` fails.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx
from telegram.error import TelegramError

from bot.telegram.services import CLOCK_SAMPLES, ApiContact, App

# Beyond this, times people read and times things happen are off enough to matter (reminders, rounds).
LIMIT = timedelta(minutes=2)
FIRST_ASK_SECONDS = 5.0  # each start-up call for a first comparison (compare_first)


def offset_hook(
    contact: ApiContact, now: Callable[[], datetime], marked: Callable[[int], None] = lambda _: None
) -> Callable[[httpx.Response], Awaitable[None]]:
    """An httpx response hook that records ``now() - Date`` for every Bot API answer; ``marked`` hears the
    offset in seconds while it is beyond ``LIMIT``, else 0 (the audit log's rows say so: ops O76)."""

    async def on_response(response: httpx.Response) -> None:
        raw = response.headers.get("date")
        if not raw:
            return  # a proxy that strips it: nothing measured, nothing claimed
        try:
            theirs = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return
        if theirs.tzinfo is not None:
            offset = now() - theirs
            contact.offsets.append(offset)
            contact.last_sample = (time.monotonic(), offset)
            skew = flagged(contact)
            marked(round(skew.total_seconds()) if skew is not None else 0)

    return on_response


def flagged(contact: ApiContact) -> timedelta | None:
    """This server's clock minus Telegram's when measured beyond ``LIMIT`` (a clock known to be wrong), else None."""
    skew = contact.clock_offset()
    return skew if skew is not None and abs(skew) > LIMIT else None


def describe(skew: timedelta) -> str:
    """'7 min ahead of' / '3 min behind' Telegram's clock, for logs and the health report."""
    minutes = max(1, round(abs(skew).total_seconds() / 60))
    return f"{minutes} min {'ahead of' if skew > timedelta(0) else 'behind'}"


def clock_state(contact: ApiContact) -> str:
    """'ok', or what is wrong with this server's clock (bot/telegram/health.py's report)."""
    skew = contact.clock_offset()
    if skew is None or abs(skew) <= LIMIT:
        return "ok"
    return (
        f"this server's clock is {describe(skew)} Telegram's: reminders, check-in prompts and escalation "
        "rounds go out at the wrong time; turn on time sync (NTP, e.g. systemd-timesyncd or chrony)"
    )


async def compare_first(app: App) -> None:
    """A few quick Bot API answers at start-up, before any job runs, so the first alert sweep finds the clocks
    compared: until then reminder rounds, reminders and digests wait (bot/jobs/clock_hold.py), and a sweep soon
    after the start held a round for want of a measurement. Bounded; a failure leaves it to later answers."""
    contact = app.bot_data.svc.api
    for _ in range(CLOCK_SAMPLES):
        if contact.clock_offset() is not None:
            return
        try:
            await asyncio.wait_for(app.bot.get_me(), FIRST_ASK_SECONDS)
        except (TelegramError, TimeoutError):
            return
