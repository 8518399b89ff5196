"""Updates from different people are handled side by side; one person's stay in order.

python-telegram-bot handles one update at a time by default, so one counselor's chart (a tenth
of a second of drawing) or one slow Bot API call held up every patient's next question. With
this processor the bot works on many people's updates at once, while each person's own updates
still run one after another, in the order Telegram sent them: a double tap, or an answer typed
right after a button, is never handled out of order or twice at once.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT = 64


class PerPersonOrder(BaseUpdateProcessor):
    """Concurrent across people, sequential (FIFO) for each person."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._queued: Counter[int] = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for this person's earlier updates, then handle this one."""
        key = _person(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._queued[key] += 1
        try:
            async with lock:  # asyncio.Lock is fair: waiters go in arrival order
                await coroutine
        finally:
            self._queued[key] -= 1
            if not self._queued[key]:  # forget idle people, so the table stays small
                del self._queued[key]
                self._locks.pop(key, None)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _person(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None
