"""Many messages at a steady rate just under Telegram's limit of about 30 per second per bot."""

from __future__ import annotations

import asyncio

PER_SECOND = 28.0  # a little under 30, so network jitter never bunches 30 sends into one second


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
