"""End-to-end tests: the real Application against the local Bot API emulator, over HTTP.

The harness fixtures (`bot`, `bot_running`, `emulator`, `settings`) live in tests/conftest.py because the CLI
tests drive a running bot too. Every test here is marked `e2e`, so `pytest -m "not e2e"` is the quick loop.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def fsync_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store still calls fsync, but a test here does not wait for the disk: in the test's own process
    nothing can lose power, so no test here could see a missing fsync, and waiting for them was about a
    third of a bot's start in the harness (an enrolled patient: 0.44 -> 0.30 s on the shared 2-core machine).
    A bad descriptor still fails as fsync fails. Tests that replace fsync (a full or slow disk in
    test_delivery.py) still do, over this; the kill -9 tests run the bot in processes of its own, with the
    real fsync."""
    monkeypatch.setattr(os, "fsync", _fsync_not_waited_for)


def _fsync_not_waited_for(fd: Any) -> None:
    os.fstat(fd if isinstance(fd, int) else fd.fileno())
