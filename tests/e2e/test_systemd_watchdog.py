"""systemd's watchdog (ops O54): under the unit, the running bot pings it from its event loop; a hung loop stops
pinging, and systemd restarts the process. Elsewhere nothing is sent."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import systemd
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
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
