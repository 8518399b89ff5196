"""Bulk sends: one steady rate under Telegram's limit of about 30 per second per bot, shared by
every sweep, and which failures are worth another try."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut

PER_SECOND = 28.0  # a little under 30, so network jitter never bunches 30 sends into one second
PACER_KEY = "pacer"


class Pacer:
    """Send slots 1/PER_SECOND apart, counted on the clock rather than from when each send ended.

    Waiting for each send (and its store write) before pacing the next one made a 1,000-patient
    burst run at about 80 % of the limit; with slots, the sends overlap and the rate holds.
    """

    def __init__(self, per_second: float = PER_SECOND) -> None:
        self._gap = 1 / per_second
        self._next = 0.0

    async def slot(self) -> None:
        """Wait for the next free slot."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        at = max(now, self._next)
        self._next = at + self._gap
        await asyncio.sleep(at - now)


def pacer_of(app: Any) -> Pacer:
    """The one pacer of this bot: reminders, daily pushes, digests and broadcasts due in the same
    minute share the limit instead of each taking all of it."""
    pacer: Pacer = app.bot_data.setdefault(PACER_KEY, Pacer())
    return pacer


def worth_retrying(exc: TelegramError) -> bool:
    """Certainly not delivered, and may go through later: Telegram down, 5xx, flood limits.

    python-telegram-bot's BadRequest is a NetworkError, but "chat not found" or "message is too
    long" fail the same way every time; and after a timeout the message may have arrived.
    """
    return isinstance(exc, (RetryAfter, NetworkError)) and not isinstance(exc, (BadRequest, TimedOut))
