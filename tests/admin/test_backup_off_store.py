"""A live backup holds the bot's store thread only to pin the files (ops O93): it ran whole on that thread, so on
a 1 GB program the bot answered nobody, crisis words included, for 35-41 s; and a command that gave up waiting
left an ERROR traceback ("Task exception was never retrieved ... ConnectionResetError") in the bot's log."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.admin import backup_pin, control
from bot.admin.control import run_operation, socket_path, start_control_server
from bot.admin.restore import restore_backup
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.runtime import open_services
from bot.store.crypto import FernetCodec, keygen
from bot.store.files import PIN_PREFIX
from bot.store.repository import Repository

NOW = datetime(2026, 12, 1, 2, 15, tzinfo=UTC)


def _settings(tmp_path: Path, name: str = "data") -> Settings:
    return Settings(bot_token="4242:t", data_dir=tmp_path / name, data_keys=(KEY,))


KEY = keygen()


async def test_the_store_answers_while_the_backup_is_written_and_the_backup_is_the_pinned_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path)
    writing, release = threading.Event(), threading.Event()
    read = backup_pin.read

    def slow_read(path: str, size: int) -> bytes:
        writing.set()
        release.wait(30)  # the backup's writing, held here until the store has answered
        return read(path, size)

    monkeypatch.setattr(backup_pin, "read", slow_read)
    with open_services(settings) as svc:
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=1001, name="Dana Rivera"))
        out = tmp_path / "b.iopbak"
        backup = asyncio.create_task(run_operation(svc, "backup", {"out": str(out), "by": "test"}))
        assert await asyncio.to_thread(writing.wait, 30)
        try:
            # A write and a read through the store, while the backup is being written: before, they waited for it.
            await asyncio.wait_for(
                svc.db(svc.repo.add_counselor, Counselor(telegram_id=1002, name="Rae Kim")), timeout=10
            )
        finally:
            release.set()
        made = await backup
        assert made["file"] == str(out)
        rows = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "backup"]
        assert rows and rows[-1]["file"] == str(out)
    assert not list(settings.data_dir.glob(f"{PIN_PREFIX}*"))  # the pinned files let go
    restored = _settings(tmp_path, "restored")
    assert restore_backup(restored, str(out), io.StringIO()) == 0
    repo = Repository(restored.data_dir, codec=FernetCodec([KEY]))
    try:
        names = {c.name for c in repo.counselors()}
    finally:
        repo.close()
    assert names == {"Dana Rivera"}  # as it was when pinned: Rae came after


async def test_a_command_that_leaves_before_its_answer_is_one_log_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _settings(tmp_path)
    asked, answer = asyncio.Event(), asyncio.Event()

    async def slow(services: Any, op: str, args: Any) -> Any:
        asked.set()
        await answer.wait()
        return {"done": True}

    monkeypatch.setattr(control, "run_operation", slow)
    failures: list[dict[str, Any]] = []
    asyncio.get_running_loop().set_exception_handler(lambda loop, context: failures.append(context))
    with caplog.at_level(logging.WARNING, logger="bot.admin.control"), open_services(settings) as svc:
        server = await start_control_server(svc)
        try:
            _reader, writer = await asyncio.open_unix_connection(str(socket_path(settings.data_dir)))
            writer.write(
                json.dumps({"op": "backup", "args": {}, "key": control.key_name((KEY,))}).encode() + b"\n"
            )
            await writer.drain()
            await asyncio.wait_for(asked.wait(), 10)
            writer.close()  # the command gives up waiting
            await writer.wait_closed()
            answer.set()
            for _ in range(500):
                if "left before its answer" in caplog.text:
                    break
                await asyncio.sleep(0.01)
        finally:
            server.close()
            await server.wait_closed()
    assert "the command that asked for backup left before its answer" in caplog.text, caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not failures, failures
