"""The garbage collector's policy (bot/collector.py): what start-up built is frozen once the screen is
prepared, once per process, so later full collections walk only newer objects."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Iterator

import pytest

from bot import collector, runtime


@pytest.fixture
def unsettled(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(collector, "_settled", [])
    yield
    gc.unfreeze()


def test_settle_freezes_what_is_there_once(unsettled: None, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.collector")
    gc.unfreeze()
    built = [object() for _ in range(3)], {"kept": [1]}
    assert collector.settle()
    assert gc.get_freeze_count() > 0
    assert gc.is_tracked(built[1]) and not any(o is built[1] for o in gc.get_objects())  # frozen, not walked
    assert not collector.settle()  # once per process
    assert sum("frozen" in r.getMessage() for r in caplog.records) == 1  # logged once


async def test_the_bot_settles_once_the_screen_is_prepared(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    ready = iter([False, False, True])

    def settle() -> bool:
        seen.append(True)
        return True

    monkeypatch.setattr(runtime, "prepared", lambda: next(ready))
    monkeypatch.setattr(collector, "settle", settle)
    await asyncio.wait_for(runtime._settle_collector(poll=0.001), 5)
    assert seen == [True]
    assert next(ready, "done") == "done"  # it waited for the third look


def test_tend_lets_the_young_generation_go() -> None:
    """A tuple of strings and ints is tracked until a collection looks at it: tend is that look."""
    made = ("word", int("7"))
    assert gc.is_tracked(made)
    collector.tend()
    assert not gc.is_tracked(made)


async def test_the_bot_tends_the_collector_between_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    tended: list[bool] = []
    monkeypatch.setattr(runtime, "prepared", lambda: True)
    monkeypatch.setattr(collector, "settle", lambda: True)
    monkeypatch.setattr(collector, "tend", lambda: tended.append(True))
    task = asyncio.create_task(runtime._keep_collector(every=0.001))
    for _ in range(500):
        if len(tended) >= 3:
            break
        await asyncio.sleep(0.01)
    task.cancel()
    assert len(tended) >= 3
