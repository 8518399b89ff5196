"""Bulk sends: one steady rate under Telegram's limit of about 30 per second per bot, shared by
every sweep, and which failures are worth another try."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from telegram import Message
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.telegram import priority

if TYPE_CHECKING:  # the services hold the one Pacer: a runtime import would be circular
    from bot.telegram.services import App

PER_SECOND = 28.0  # a little under 30, so network jitter never bunches 30 sends into one second
IN_FLIGHT = 8  # sends one sweep has started at once: enough to hold the rate, few enough to leave
# the store thread free for people's answers while a burst goes out
T = TypeVar("T")


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


async def send_paced(app: App, chat_id: int, text: str, **kwargs: Any) -> Message:
    """Send one bulk message in the bot's next free slot.

    The slot is taken right before the request, not when the sweep picked the message: a send
    that first waited on the store would otherwise go out together with later ones, in a burst.
    """
    # One pacer per bot: reminders, daily pushes, digests and broadcasts due in the same minute
    # share the limit instead of each taking all of it.
    await app.bot_data.svc.state.pacer.slot()
    await priority.before_push(app, chat_id)  # their crisis answer first (ops O73)
    message: Message = await app.bot.send_message(chat_id, text, **kwargs)
    if priority.waiting(app):  # Telegram answers again: no crisis answer waits out its back-off any longer
        app.create_task(priority.release(app), name="priority-release")
    return message


class Batch(Generic[T]):
    """A sweep's sends as tasks, at most IN_FLIGHT at a time, awaited together at the end."""

    def __init__(self, limit: int = IN_FLIGHT) -> None:
        self._room = asyncio.Semaphore(limit)
        self._tasks: list[asyncio.Task[T]] = []

    async def add(self, work: Coroutine[Any, Any, T]) -> None:
        """Start ``work`` once one of the running sends has finished."""
        await self._room.acquire()
        task = asyncio.create_task(work)
        task.add_done_callback(lambda _: self._room.release())
        self._tasks.append(task)

    async def results(self) -> list[T]:
        """Wait for every send; their results in the order they were added."""
        return list(await asyncio.gather(*self._tasks))


def worth_retrying(exc: TelegramError) -> bool:
    """Certainly not delivered, and may go through later: Telegram down, 5xx, flood limits.

    python-telegram-bot's BadRequest is a NetworkError, but "chat not found" or "message is too
    long" fail the same way every time; and after a timeout the message may have arrived.
    """
    return isinstance(exc, (RetryAfter, NetworkError)) and not isinstance(exc, (BadRequest, TimedOut))
