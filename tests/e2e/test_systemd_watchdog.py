"""systemd's watchdog (ops O54): under the unit, the running bot pings it from its event loop; a hung loop stops
pinging, and systemd restarts the process. Elsewhere nothing is sent."""

from __future__ import annotations

import asyncio
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import systemd
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.telegram.watchdog import STORE_GRACE, StoreWatch, store_ok
from tests.conftest import bot_running


@pytest.fixture
def notify_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    """A socket standing in for systemd's, and the variables the unit's WatchdogSec= sets."""
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(10)
        monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        monkeypatch.setenv("WATCHDOG_USEC", "2000000")  # 2 s: a ping every second
        monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
        yield sock


async def test_the_running_bot_pings_systemds_watchdog_from_its_event_loop(
    settings: Settings, emulator: BotApiEmulator, notify_socket: socket.socket
) -> None:
    async with bot_running(settings, emulator) as bot:
        assert bot.app.job_queue is not None and bot.app.job_queue.get_jobs_by_name("systemd-watchdog")
        # read in a thread: the bot's jobs run on this test's event loop
        pings = [await asyncio.to_thread(notify_socket.recv, 64) for _ in range(2)]
    assert pings == [b"WATCHDOG=1", b"WATCHDOG=1"]


def test_no_watchdog_is_pinged_without_the_units_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    monkeypatch.setenv("NOTIFY_SOCKET", "/nonexistent")
    assert systemd.interval() is None
    monkeypatch.setenv("WATCHDOG_USEC", "2000000")
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid() + 1))  # meant for another process
    assert systemd.interval() is None


async def test_a_store_that_stops_answering_stops_the_pings_and_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """ops O80: with the data dir's file system frozen the store thread hung on a write while the loop kept
    pinging; systemd saw a healthy bot for as long as crisis words went unanswered, and nothing was logged."""
    stuck = asyncio.Event()

    class Hung:
        repo = type("Repo", (), {"counselors": staticmethod(lambda: [])})()

        async def db(self, fn: object) -> None:
            await stuck.wait()  # a write blocked on a frozen file system: never returns

    svc: Any = Hung()
    now = time.monotonic()
    watch = StoreWatch(now, every=60.0)
    assert store_ok(watch, svc, now)  # just started: the store has had no time to answer yet
    assert store_ok(watch, svc, now + 61)  # a minute without an answer: said at once, still pinging
    assert "the store has not answered for 61 s" in caplog.text
    assert not store_ok(watch, svc, now + STORE_GRACE + 1)  # then no more pings: systemd restarts the bot
    stuck.set()  # the file system thaws: the store answers again, and the pings come back
    assert watch.probe is not None
    await asyncio.wait_for(watch.probe, 5)
    assert store_ok(watch, svc, time.monotonic())
    assert "the store answers again" in caplog.text


async def test_a_store_that_answers_keeps_the_pings_going() -> None:
    class Quick:
        repo = type("Repo", (), {"counselors": staticmethod(lambda: [])})()

        async def db(self, fn: object) -> None:
            return None

    svc: Any = Quick()
    start = time.monotonic()
    watch = StoreWatch(start, every=60.0)
    for minute in range(1, 8):
        assert store_ok(watch, svc, watch.answered + 1), minute
        assert watch.probe is not None
        await watch.probe


async def test_a_store_that_answered_the_last_probe_at_once_is_not_called_silent(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Ops O101: at the first ping after the start's, a minute and a millisecond after a store that answers in
    one, "ERROR the store has not answered for 60 s ... crisis words wait for it", then "answers again"."""

    class Quick:
        repo = type("Repo", (), {"counselors": staticmethod(lambda: [])})()

        async def db(self, fn: object) -> None:
            return None

    svc: Any = Quick()
    watch = StoreWatch(time.monotonic(), every=60.0)
    assert store_ok(watch, svc, time.monotonic())  # the start's ping
    assert watch.probe is not None
    await watch.probe  # answered at once
    assert store_ok(watch, svc, watch.answered + 60.5)  # the next ping, a little late
    assert "has not answered" not in caplog.text, caplog.text
