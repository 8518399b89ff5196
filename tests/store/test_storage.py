"""The durable storage under every TinyDB file."""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

import pytest

from bot.store import files, storage
from bot.store.lock import DataDirBusyError, DataDirLock
from bot.store.storage import CorruptFileError, StoreWriteError, one_write, open_db


def test_a_write_is_on_disk_when_it_returns(tmp_path: Path) -> None:
    db = open_db(tmp_path / "a.json")
    db.insert({"mood": 5})
    assert '"mood":5' in (tmp_path / "a.json").read_text()
    assert open_db(tmp_path / "a.json").all() == [{"mood": 5}]


def test_a_failed_write_raises_and_leaves_memory_as_the_disk_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_db(tmp_path / "a.json")
    db.insert({"n": 1})

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StoreWriteError):
        db.insert({"n": 2})
    with pytest.raises(StoreWriteError):
        db.update({"n": 9})
    monkeypatch.undo()
    assert db.all() == [{"n": 1}]
    assert open_db(tmp_path / "a.json").all() == [{"n": 1}]
    assert list(tmp_path.glob(".*tmp*")) == []


def test_a_corrupt_file_is_refused_and_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    path.write_text('{"patients": {"1": {"alias": "Al')
    with pytest.raises(CorruptFileError, match=r"index\.json: torn or damaged"):
        open_db(path)
    assert path.read_text() == '{"patients": {"1": {"alias": "Al'
    assert files.quarantined(tmp_path) == []


def test_one_write_puts_several_changes_on_disk_at_once_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_db(tmp_path / "a.json")
    db.table("codes").insert({"code": "x", "used": False})
    writes: list[str] = []
    real = storage.write_atomically

    def counting(path: Path, payload: bytes) -> None:
        writes.append(path.name)
        real(path, payload)

    monkeypatch.setattr(storage, "write_atomically", counting)
    with one_write(db):
        db.table("patients").insert({"id": "p1"})
        db.table("codes").update({"used": True})
    assert writes == ["a.json"]
    assert open_db(tmp_path / "a.json").table("patients").all() == [{"id": "p1"}]

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StoreWriteError), one_write(db):
        db.table("patients").insert({"id": "p2"})
        db.table("codes").update({"used": "twice"})
    monkeypatch.undo()
    assert db.table("patients").all() == [{"id": "p1"}]  # memory is as the disk is
    assert db.table("codes").all() == [{"code": "x", "used": True}]
    assert open_db(tmp_path / "a.json").table("patients").all() == [{"id": "p1"}]


def test_temp_files_left_by_a_crash_are_swept(tmp_path: Path) -> None:
    (tmp_path / "patients").mkdir()
    leftover = tmp_path / "patients" / ".p1.json.tmp-123-abcd"
    leftover.write_text("{")
    assert files.sweep_temp_files(tmp_path) == 1
    assert not leftover.exists()


def test_a_second_owner_of_the_data_dir_is_refused_by_name(tmp_path: Path) -> None:
    first, second = DataDirLock(tmp_path), DataDirLock(tmp_path)
    first.acquire()
    try:
        with pytest.raises(DataDirBusyError, match="already using the data directory"):
            second.acquire()
    finally:
        first.release()
    second.acquire()
    second.release()


def test_upsert_writes_once_whether_it_inserts_or_updates(tmp_path: Path) -> None:
    from unittest import mock

    from tinydb import Query

    from bot.store import storage as module

    db = module.open_db(tmp_path / "one.json")
    table, q = db.table("t"), Query()
    with mock.patch.object(module, "write_atomically", wraps=module.write_atomically) as writes:
        module.upsert(table, {"k": 1, "v": "a"}, q.k == 1)
        module.upsert(table, {"k": 1, "v": "b"}, q.k == 1)
    assert writes.call_count == 2 and table.all() == [{"k": 1, "v": "b"}]


def test_the_bot_waits_for_a_command_holding_the_data_dir_but_not_for_another_bot(tmp_path: Path) -> None:
    """Newcomer finding 10-12: the bot restarted beside a one-second CLI command exited at once."""
    command = DataDirLock(tmp_path, role="cli")
    command.acquire()
    threading.Timer(0.3, command.release).start()
    bot = DataDirLock(tmp_path)
    bot.acquire(wait_for_commands=10.0)  # returns once the command let go
    other = DataDirLock(tmp_path)
    started = time.monotonic()
    with pytest.raises(DataDirBusyError):
        other.acquire(wait_for_commands=10.0)  # another bot: refused at once, not after the wait
    assert time.monotonic() - started < 5.0
    bot.release()


def test_a_read_only_data_dir_is_one_clear_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Newcomer4 finding 6: `iop-bot run` on a read-only data dir ended in a traceback with exit 1."""
    real_open = os.open

    def read_only(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(DataDirBusyError, match=r"cannot be written \(Read-only file system"):
        DataDirLock(tmp_path / "data").acquire()
