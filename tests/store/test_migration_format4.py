"""A data dir of format 4 (committed in tests/data/format4 with its test key, made by commit 837a7d5) upgrades
in place at start-up; a kill -9 anywhere in the upgrade is finished by the next start-up, nothing lost."""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config.settings import Settings
from bot.runtime import open_services
from bot.store import checkin_log, keyed_log, migrate
from bot.store.crypto import FernetCodec
from bot.store.repository import Repository
from bot.store.storage import AtomicJSONStorage

FIXTURE = Path(__file__).parent.parent / "data" / "format4"
KEY = (FIXTURE / "KEY").read_text().strip()
EXPECTED = json.loads((FIXTURE / "expected.json").read_text())


def _copy(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data_dir)
    for p in [data_dir, *data_dir.rglob("*")]:
        p.chmod(0o700 if p.is_dir() else 0o600)
    return data_dir


def _state(data_dir: Path) -> dict[str, Any]:
    """What must survive the upgrade, read through the repository."""
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    try:
        pids = EXPECTED["patients"]
        return {
            "audit": repo.audit_log(),
            "patients": sorted(p.alias for p in repo.patients()),
            "checkins": {pid: [(e.entry_id, e.answers) for e in repo.checkins(pid)] for pid in pids},
            "draft": repo.draft(pids[0]),
            "sent": repo.was_sent(pids[0], "prompt:2026-10-04"),
            "open": [a.alert_id for a in repo.open_alerts()],
            "alerts": {a: repo.alert(a) for a in ("a1", "a2")},
            "mydata": [repo.patient_data_export(pid) for pid in pids],
        }
    finally:
        repo.close()


def _open_file_alerts(data_dir: Path) -> list[str]:
    rows = (AtomicJSONStorage(data_dir / migrate.ALERTS_FILE, FernetCodec([KEY])).read() or {})["alerts"]
    return sorted(r["alert_id"] for r in rows.values())


def test_a_format_4_data_dir_upgrades_at_start_up(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    assert _open_file_alerts(data_dir) == ["a1", "a2"]  # format 4 kept closed alerts in the open file
    with open_services(Settings(data_dir=data_dir, data_keys=(KEY,))) as svc:
        assert [a.alert_id for a in svc.worker.call(svc.repo.open_alerts)] == EXPECTED["open_alerts"]
        closed = svc.worker.call(svc.repo.alert, "a2")
        assert closed is not None and closed.text == "help me" and closed.acked_by == 1001
        notes = [e.answers["note"] for e in svc.worker.call(svc.repo.checkins, EXPECTED["patients"][0])]
        assert notes == ["note Ash 0", "note Ash 1", "note Ash 2"]
        assert len(svc.worker.call(svc.repo.audit_log)) == EXPECTED["audit_rows"]
    assert _open_file_alerts(data_dir) == EXPECTED["open_alerts"]
    closed_rows = keyed_log.read_lines(data_dir / migrate.CLOSED_ALERTS, FernetCodec([KEY]))[0]
    assert sorted(closed_rows) == EXPECTED["closed_alerts"]
    index = AtomicJSONStorage(data_dir / "index.json", FernetCodec([KEY])).read()
    assert migrate.stored_format(index) == migrate.DATA_FORMAT
    assert not (data_dir / migrate.JOURNAL).exists()
    for pid in EXPECTED["patients"]:  # format 6: check-ins in each patient's log, not in their file
        shard = AtomicJSONStorage(data_dir / "patients" / f"{pid}.json", FernetCodec([KEY])).read() or {}
        assert checkin_log.TABLE not in shard
        assert len(checkin_log.read_entries(checkin_log.log_path(data_dir, pid), FernetCodec([KEY]))[0]) == 3


def test_a_closed_alerts_log_in_a_format_4_dir_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    (data_dir / migrate.CLOSED_ALERTS).write_bytes(b"")
    before = (data_dir / migrate.ALERTS_FILE).read_bytes()
    with pytest.raises(migrate.MigrationRefused, match="not from this data dir"):
        migrate.upgrade(data_dir, FernetCodec([KEY]))
    assert (data_dir / migrate.ALERTS_FILE).read_bytes() == before


def _after(owner: Any, name: str, calls: int = 1) -> Callable[[], None]:
    """Arm a kill right after the ``calls``-th call of ``owner.name``."""

    def arm() -> None:
        real, seen = getattr(owner, name), [0]

        def killing(*args: Any, **kwargs: Any) -> Any:
            out = real(*args, **kwargs)
            seen[0] += 1
            if seen[0] >= calls:
                os.kill(os.getpid(), signal.SIGKILL)
            return out

        setattr(owner, name, killing)

    return arm


KILL_POINTS = {
    "after the journal": _after(migrate, "write_atomically"),
    "after the closed alerts' log": _after(keyed_log, "write_atomically"),
    "after the open alerts' file": _after(AtomicJSONStorage, "write"),
    "after the index": _after(AtomicJSONStorage, "write", 2),
    "after a patient's check-in log": _after(keyed_log, "write_atomically", 2),
    "after a patient's file loses its check-ins": _after(AtomicJSONStorage, "write", 3),
    "after the index again": _after(AtomicJSONStorage, "write", 6),
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_a_kill_9_mid_upgrade_is_finished_by_the_next_start_up(tmp_path: Path, point: str) -> None:
    (tmp_path / "whole").mkdir()
    whole = _copy(tmp_path / "whole")
    migrate.upgrade(whole, FernetCodec([KEY]))
    data_dir = _copy(tmp_path)
    pid = os.fork()
    if pid == 0:
        try:
            KILL_POINTS[point]()
            migrate.upgrade(data_dir, FernetCodec([KEY]))
        finally:
            os._exit(0)  # reached only when the kill point was never hit
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert (data_dir / migrate.JOURNAL).exists()  # killed inside the upgrade, not before or after it
    with open_services(Settings(data_dir=data_dir, data_keys=(KEY,))):
        pass
    assert not (data_dir / migrate.JOURNAL).exists()
    assert _state(data_dir) == _state(whole)
    assert _open_file_alerts(data_dir) == EXPECTED["open_alerts"]
