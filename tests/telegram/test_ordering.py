"""PerPersonOrder: one person's updates one at a time in arrival order, different people side by side.

Every "has not started" below is checked after a positive barrier: an update submitted *after* the
one in question has run to its end. asyncio starts tasks in the order they were created, so an
unordered processor would have started the earlier one by then.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, datetime

import pytest
from telegram import CallbackQuery, Chat, Message, Update, User

from bot.telegram.ordering import PerPersonOrder

WAIT = 5.0  # seconds a positive barrier may take before the test fails (it takes milliseconds)
_ids = iter(range(1, 10_000))


def message_from(user: int, chat: int | None = None) -> Update:
    who = User(user, f"U{user}", False)
    where = Chat(chat if chat is not None else user, "private" if chat is None else "group")
    return Update(
        next(_ids), message=Message(next(_ids), datetime(2026, 11, 23, tzinfo=UTC), where, from_user=who)
    )


def tap_from(user: int) -> Update:
    return Update(next(_ids), callback_query=CallbackQuery(str(next(_ids)), User(user, "U", False), "ci"))


def channel_post(chat: int) -> Update:
    post = Message(next(_ids), datetime(2026, 11, 23, tzinfo=UTC), Chat(chat, "channel"))
    return Update(next(_ids), channel_post=post)


class Work:
    """Handler bodies that log when they start and end, and can be held until released."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.started: dict[str, asyncio.Event] = {}
        self.release: dict[str, asyncio.Event] = {}
        self.running: set[str] = set()
        self.overlaps: list[tuple[str, ...]] = []

    def job(self, name: str, *, held: bool = False, person: str = "", fail: bool = False) -> Awaitable[None]:
        self.started[name] = asyncio.Event()
        self.release[name] = asyncio.Event()
        if not held:
            self.release[name].set()

        async def body() -> None:
            self.log.append(f"{name} start")
            if person:
                mine = {r for r in self.running if r.startswith(person)}
                if mine:
                    self.overlaps.append((name, *sorted(mine)))
            self.running.add(name)
            self.started[name].set()
            try:
                await self.release[name].wait()
                if fail:
                    raise RuntimeError(f"{name} failed")
            finally:
                self.running.discard(name)
                self.log.append(f"{name} end")

        return body()


def submit(processor: PerPersonOrder, update: object, coroutine: Awaitable[None]) -> asyncio.Task[None]:
    return asyncio.create_task(processor.process_update(update, coroutine))


async def reached(barrier: asyncio.Event | asyncio.Task[None]) -> None:
    """Wait for a barrier: an update started (an event) or done (its task); fail after WAIT."""
    if isinstance(barrier, asyncio.Event):
        await asyncio.wait_for(barrier.wait(), WAIT)
    else:
        await asyncio.wait_for(barrier, WAIT)


async def test_one_persons_updates_never_overlap_and_run_in_arrival_order() -> None:
    processor, work = PerPersonOrder(), Work()
    first = submit(processor, message_from(7), work.job("A1", held=True, person="A"))
    await reached(work.started["A1"])
    later = [submit(processor, tap_from(7), work.job(f"A{n}", person="A")) for n in (2, 3, 4)]
    # Someone else's update, submitted after A2..A4, runs to its end while A1 is still held.
    await reached(submit(processor, message_from(8), work.job("B1")))
    assert not any(work.started[f"A{n}"].is_set() for n in (2, 3, 4))  # they wait for A1

    work.release["A1"].set()
    await asyncio.wait_for(asyncio.gather(first, *later), WAIT)
    a_only = [line for line in work.log if line.startswith("A")]
    assert a_only == [f"A{n} {what}" for n in (1, 2, 3, 4) for what in ("start", "end")]
    assert work.overlaps == []


async def test_a_slow_update_from_one_person_does_not_hold_up_another() -> None:
    processor, work = PerPersonOrder(), Work()
    slow = submit(processor, message_from(7), work.job("A1", held=True))
    await reached(work.started["A1"])
    b = [submit(processor, message_from(8), work.job("B1")), submit(processor, tap_from(9), work.job("C1"))]
    await asyncio.wait_for(asyncio.gather(*b), WAIT)  # done while A1 is still held
    assert work.running == {"A1"} and not slow.done()
    work.release["A1"].set()
    await asyncio.wait_for(slow, WAIT)


async def test_two_people_in_one_group_are_two_people() -> None:
    processor, work = PerPersonOrder(), Work()
    held = submit(processor, message_from(7, chat=-50), work.job("A1", held=True))
    await reached(work.started["A1"])
    await reached(submit(processor, message_from(8, chat=-50), work.job("B1")))
    work.release["A1"].set()
    await asyncio.wait_for(held, WAIT)


async def test_posts_without_a_person_are_ordered_by_chat() -> None:
    processor, work = PerPersonOrder(), Work()
    held = submit(processor, channel_post(-100), work.job("P1", held=True, person="P"))
    await reached(work.started["P1"])
    second = submit(processor, channel_post(-100), work.job("P2", person="P"))
    await reached(submit(processor, channel_post(-200), work.job("Q1")))  # another channel is not held
    assert not work.started["P2"].is_set()
    work.release["P1"].set()
    await asyncio.wait_for(asyncio.gather(held, second), WAIT)
    assert work.overlaps == []


async def test_what_is_not_an_update_is_never_held_behind_anyone() -> None:
    processor, work = PerPersonOrder(), Work()
    held = submit(processor, message_from(7), work.job("A1", held=True))
    await reached(work.started["A1"])
    await reached(submit(processor, "a custom update", work.job("X1")))
    work.release["A1"].set()
    await asyncio.wait_for(held, WAIT)


async def test_a_failed_update_releases_the_person_for_their_next_one_and_nothing_is_left_behind() -> None:
    processor, work = PerPersonOrder(), Work()
    failing = submit(processor, message_from(7), work.job("A1", held=True, fail=True))
    await reached(work.started["A1"])
    after = submit(processor, message_from(7), work.job("A2"))
    work.release["A1"].set()
    with pytest.raises(RuntimeError):
        await asyncio.wait_for(failing, WAIT)
    await asyncio.wait_for(after, WAIT)
    assert work.log == ["A1 start", "A1 end", "A2 start", "A2 end"]
    # Idle people are forgotten, so the table does not grow with every person ever seen.
    assert processor._locks == {} and not processor._queued
