"""`iop-bot backup` waits for the running bot as long as a big program's backup takes (ops O93): after the
default 30 s the command said the bot "did not answer" and exited 1 while the bot went on and wrote the file a
minute later, so the README's nightly cron line failed every night on a 1 GB data dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.admin import client
from bot.config.settings import Settings


def _waits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, op: str) -> float:
    waited: list[float] = []

    def running_bot(data_dir: Path, op: str, args: Any, timeout: float = 0.0, key: str | None = None) -> Any:
        waited.append(timeout)
        return {}

    # The data dir belongs to the bot's user: the command goes to the running bot.
    monkeypatch.setattr("bot.admin.data_owner.wrong_user", lambda data_dir: "another user's")
    monkeypatch.setattr(client, "call_running_bot", running_bot)
    client.admin(Settings(data_dir=tmp_path), op, {})
    return waited[0]


def test_a_backup_waits_for_the_bot_for_minutes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert _waits(monkeypatch, tmp_path, "backup") >= 600


def test_other_commands_keep_the_short_wait(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert _waits(monkeypatch, tmp_path, "patient_list") == client.DEFAULT_ANSWER_WAIT
