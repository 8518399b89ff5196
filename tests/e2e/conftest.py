"""End-to-end tests: the real Application against the local Bot API emulator, over HTTP.

The harness fixtures (`bot`, `bot_running`, `emulator`, `settings`) live in tests/conftest.py because the CLI
tests drive a running bot too. Every test here is marked `e2e`, so `pytest -m "not e2e"` is the quick loop.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
