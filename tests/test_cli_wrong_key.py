"""An admin command with a wrong IOP_DATA_KEY fails loudly while the bot runs (newcomer finding 19): the
running bot compares the command's key with its own (one-way fingerprints) and refuses, changing nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import main
from bot.store.crypto import keygen
from tests.conftest import KEY, Harness


@pytest.fixture(autouse=True)
def in_clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


async def test_a_command_with_another_key_is_refused_by_the_running_bot(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", keygen())
    assert await asyncio.to_thread(main, ["counselor", "list"]) == 1
    err = capsys.readouterr().err
    assert "IOP_DATA_KEY" in err and "not the data key of the running bot" in err
    assert await asyncio.to_thread(main, ["cohort", "add", "Evening IOP"]) == 1
    assert bot.services.worker.call(bot.services.repo.cohorts) == []  # nothing was done

    monkeypatch.setenv("IOP_DATA_KEY", KEY)  # the right key: the same command works
    assert await asyncio.to_thread(main, ["counselor", "list"]) == 0
    assert "Dana Rivera" in capsys.readouterr().out
