"""A data dir of the previous release (format 2, committed in tests/data/format2 with its test key) upgrades
in place at start-up; a kill -9 anywhere in the upgrade is finished by the next start-up, nothing lost."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config.settings import Settings
from bot.runtime import open_services
from bot.store import audit_log, keyed_log, migrate
from bot.store.crypto import FernetCodec
from bot.store.repository import Repository
from bot.store.storage import AtomicJSONStorage, DataRefusedError

FIXTURE = Path(__file__).parent.parent / "data" / "format2"
KEY = (FIXTURE / "KEY").read_text().strip()
EXPECTED = json.loads((FIXTURE / "expected.json").read_text())
EXTRA_ROWS = int(os.environ.get("IOP_MIGRATION_ROWS", "3000"))


def _copy(tmp_path: Path, extra_rows: int = 0) -> Path:
    """The fixture's data dir (0600/0700 as the bot keeps it), with ``extra_rows`` more format-2 audit rows."""
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data_dir)
    for p in [data_dir, *data_dir.rglob("*")]:
        p.chmod(0o700 if p.is_dir() else 0o600)
    if extra_rows:
        storage = AtomicJSONStorage(data_dir / "index.json", FernetCodec([KEY]))
        index = storage.read() or {}
        for n in range(extra_rows):
            row = {
                "at": f"2026-{10 + n * 2 // extra_rows:02d}-01T00:00:00+00:00",
                "actor": 1001,
                "action": "x",
                "subject": "-",
            }
            index["audit"][str(1000 + n)] = {**row, "n": n}
        storage.write(index)
    return data_dir


def _state(data_dir: Path) -> dict[str, Any]:
    """What must survive the upgrade: every audit row in order, patients, check-ins, erasures."""
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    try:
        return {
            "audit": repo.audit_log(),
            "patients": sorted(p.alias for p in repo.patients()),
            "checkins": {pid: [e.answers for e in repo.checkins(pid)] for pid in EXPECTED["patients"]},
            "erasures": repo.erasures(),
            "alerts": [a.alert_id for a in repo.open_alerts()],
        }
    finally:
        repo.close()


def _raw_index(data_dir: Path) -> dict[str, Any]:
    return AtomicJSONStorage(data_dir / "index.json", FernetCodec([KEY])).read() or {}


def test_a_format_2_data_dir_upgrades_at_start_up(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    assert migrate.stored_format(_raw_index(data_dir)) == 2
    with open_services(Settings(data_dir=data_dir, data_keys=(KEY,))) as svc:
        rows = svc.worker.call(svc.repo.audit_log)
        assert len(rows) == EXPECTED["audit_rows"]
        assert [r["action"] for r in rows[-2:]] == ["retention_erased"] * 2
        assert [r["n"] for r in rows[:40]] == list(range(40))
        erased = EXPECTED["patients"][2]
        assert {k: v.isoformat() for k, v in svc.worker.call(svc.repo.erasures).items()} == {
            erased: rows[-1]["at"]
        }
        notes = [e.answers["note"] for e in svc.worker.call(svc.repo.checkins, EXPECTED["patients"][0])]
        assert notes == ["note Ash 0", "note Ash 1", "note Ash 2"]
    index = _raw_index(data_dir)
    assert "audit" not in index and migrate.stored_format(index) == migrate.DATA_FORMAT
    assert not (data_dir / migrate.JOURNAL).exists() and not (data_dir / migrate.STAGING).exists()
    assert audit_log.verify(data_dir, FernetCodec([KEY])) == (EXPECTED["audit_rows"], 1)
    assert oct(data_dir.joinpath("audit").stat().st_mode & 0o777) == "0o700"


def test_a_newer_data_format_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    storage = AtomicJSONStorage(data_dir / "index.json", FernetCodec([KEY]))
    storage.write({**(storage.read() or {}), "meta": {"1": {"data_format": migrate.DATA_FORMAT + 1}}})
    before = (data_dir / "index.json").read_bytes()
    with pytest.raises(migrate.MigrationRefused, match="newer than this release"):
        migrate.upgrade(data_dir, FernetCodec([KEY]))
    assert (data_dir / "index.json").read_bytes() == before and not (data_dir / "audit").exists()


def _killed_at(data_dir: Path, arm: Callable[[], None]) -> None:
    """Fork an upgrade that kills itself where ``arm`` makes it; the parent waits for the SIGKILL."""
    pid = os.fork()
    if pid == 0:
        try:
            arm()
            migrate.upgrade(data_dir, FernetCodec([KEY]))
        finally:
            os._exit(0)  # reached only when the kill point was never hit
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _after(owner: Any, name: str, calls: int = 1) -> Callable[[], None]:
    """Arm a kill right after the ``calls``-th call of ``owner.name``."""

    def arm() -> None:
        real, seen = getattr(owner, name), [0]

        def killing(*args: Any, **kwargs: Any) -> Any:
            out = real(*args, **kwargs)
            seen[0] += 1
            if seen[0] >= calls:
                _die()
            return out

        setattr(owner, name, killing)

    return arm


KILL_POINTS = {
    "after the journal": lambda: _after(migrate, "write_atomically"),
    "mid-log": lambda: _after(audit_log.AuditLog, "append", EXTRA_ROWS // 2),
    "after the log is in place": lambda: _after(os, "rename"),
    "after the index is rewritten": lambda: _after(AtomicJSONStorage, "write"),
    "after the patients' file is written": lambda: _after(keyed_log, "write_atomically"),
    "after the index is rewritten again": lambda: _after(AtomicJSONStorage, "write", 2),
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_a_kill_9_mid_upgrade_is_finished_by_the_next_start_up(tmp_path: Path, point: str) -> None:
    expected = tmp_path / "expected"
    expected.mkdir()
    whole = _copy(expected, EXTRA_ROWS)
    migrate.upgrade(whole, FernetCodec([KEY]))
    data_dir = _copy(tmp_path, EXTRA_ROWS)
    _killed_at(data_dir, KILL_POINTS[point]())
    assert (data_dir / migrate.JOURNAL).exists()  # killed inside the upgrade, not before or after it
    if "after the index" not in point:  # until the index is rewritten nothing opens it as new
        with pytest.raises(DataRefusedError, match=r"in data format [23], not"):
            Repository(data_dir, codec=FernetCodec([KEY]))
    with open_services(Settings(data_dir=data_dir, data_keys=(KEY,))):
        pass
    assert not (data_dir / migrate.JOURNAL).exists()
    assert _state(data_dir) == _state(whole)
    assert audit_log.verify(data_dir, FernetCodec([KEY]))[0] == EXPECTED["audit_rows"] + EXTRA_ROWS


@pytest.mark.slow
def test_kills_at_random_moments_never_lose_a_row(tmp_path: Path) -> None:
    expected = tmp_path / "expected"
    expected.mkdir()
    whole = _copy(expected, EXTRA_ROWS)
    started = time.perf_counter()
    migrate.upgrade(whole, FernetCodec([KEY]))
    took = time.perf_counter() - started
    rng = random.Random(16)
    for round_ in range(4):
        run = tmp_path / f"run{round_}"
        run.mkdir()
        data_dir = _copy(run, EXTRA_ROWS)
        pid = os.fork()
        if pid == 0:
            migrate.upgrade(data_dir, FernetCodec([KEY]))
            os._exit(0)
        time.sleep(rng.uniform(0, took))  # a random moment inside the upgrade, not a wait for "nothing"
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        migrate.upgrade(data_dir, FernetCodec([KEY]))
        assert _state(data_dir) == _state(whole)
