"""Bulk sending: one steady rate, and which failures are worth another try."""

from __future__ import annotations

import asyncio

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.jobs.sending import Pacer, worth_retrying


async def test_slots_are_spaced_at_the_rate_however_many_ask_at_once() -> None:
    pacer, loop = Pacer(per_second=200), asyncio.get_running_loop()
    times: list[float] = []

    async def send() -> None:
        await pacer.slot()
        times.append(loop.time())

    start = loop.time()
    await asyncio.gather(*(send() for _ in range(10)))
    # Wake-ups jitter, so judge the rate over the run rather than each gap, from before the first slot: on a
    # loaded machine the first wake-up can come late and the next ones, already due, right after it.
    assert times[-1] - start >= 9 / 200 * 0.95


def test_only_failures_that_may_pass_later_are_retried() -> None:
    assert worth_retrying(RetryAfter(1)) and worth_retrying(NetworkError("Bad Gateway"))
    assert not worth_retrying(BadRequest("Chat not found"))  # a NetworkError in PTB, but permanent
    assert not worth_retrying(TimedOut())  # it may have arrived: never a second copy
    assert not worth_retrying(Forbidden("blocked"))
