"""`doctor` after a key rotation killed mid-way, and after one finished (newcomer11 O30).

It said "? of 7 files re-encrypted" (README: "doctor shows how many files are done"), named the crash's
half-written temp file a foreign file (the next start removes it), and after a rotation called a backup file that
no longer exists "under key ...", not gone.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.admin.backup import snapshot
from bot.admin.doctor import run_checks
from bot.admin.doctor_data import backup_check
from bot.config.settings import Settings
from bot.store import rotation
from bot.store.crypto import keygen
from bot.store.verify import data_files
from tests.store.test_patients_log import KEY, _enroll

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _doctor(data_dir: Path, *keys: str) -> list[str]:
    out = io.StringIO()
    run_checks(Settings(data_dir=data_dir, data_keys=keys), out)
    return out.getvalue().splitlines()


def _killed_rotation(data_dir: Path, new: str, done: int) -> int:
    """A journal as rotate-key writes it, and ``done`` files re-encrypted before the kill; returns how many."""
    files = data_files(data_dir)
    journal = {
        "new": rotation.fingerprint(new),
        "old": [rotation.fingerprint(KEY)],
        "started_at": "2026-11-29T11:59:00+00:00",
        "files": len(files),
    }
    rotation.journal_path(data_dir).write_text(json.dumps(journal))
    for path in files[:done]:
        path.write_bytes(Fernet(new.encode()).encrypt(Fernet(KEY.encode()).decrypt(path.read_bytes())))
    return len(files)


@pytest.mark.parametrize("done", [0, 1])
def test_a_killed_rotation_counts_the_files_done_with_the_old_key_alone(tmp_path: Path, done: int) -> None:
    _enroll(tmp_path, 2)
    total = _killed_rotation(tmp_path, keygen(), done)
    [line] = [x for x in _doctor(tmp_path, KEY) if x.startswith("FAIL rotation:")]
    assert f"{done} of {total} data files" in line and "?" not in line, line


def test_a_crashs_temp_file_is_named_as_a_leftover_not_a_foreign_file(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 2)
    (tmp_path / "patients").mkdir(exist_ok=True, mode=0o700)
    temp = tmp_path / "patients" / f".{pid}.json.tmp-14687-c7e2f29b"
    temp.write_bytes(b"gAAAAAB-half-written")
    temp.chmod(0o600)
    lines = [x for x in _doctor(tmp_path, KEY) if temp.name in x]
    assert len(lines) == 1 and not lines[0].startswith("FAIL"), lines
    assert "crash" in lines[0] and "next start" in lines[0], lines


def test_a_backup_gone_after_a_rotation_is_said_to_be_gone(tmp_path: Path) -> None:
    old, new = keygen(), keygen()
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "b1.iopbak"
    snapshot(data, (old,), out, NOW)
    out.unlink()
    [line] = backup_check(Settings(data_dir=data, data_keys=(new,)), NOW)
    assert not line.ok and "no longer at that path" in line.message, line


def test_a_rotation_killed_after_the_data_files_counts_the_logs_left(tmp_path: Path) -> None:
    """newcomer13 O50: "14 of 14 files re-encrypted" and "unfinished" in one line (the logs after the data files
    were not counted), and the closed-alerts and inbox lines said IOP_DATA_KEY does not open this data."""
    from bot.store import keyed_log
    from bot.store.crypto import FernetCodec
    from bot.store.migrate import CLOSED_ALERTS

    _enroll(tmp_path, 2)
    new = keygen()
    keyed_log.write_rows(tmp_path / CLOSED_ALERTS, {"a1": {"alert_id": "a1"}}, FernetCodec([new]))
    (tmp_path / "inbox.log").write_bytes(Fernet(new.encode()).encrypt(b"{}") + b"\n")
    (tmp_path / "inbox.log").chmod(0o600)
    total = _killed_rotation(tmp_path, new, len(data_files(tmp_path)))
    lines = _doctor(tmp_path, KEY)
    [line] = [x for x in lines if x.startswith("FAIL rotation:")]
    logs = rotation.logs(tmp_path)
    assert f"{total} of {total} data files and 2 of {len(logs)} logs re-encrypted" in line, line
    assert len(logs) > 2, logs  # patients.log (under the old key still) is one
    for area in ("closed alerts", "inbox"):
        [said] = [x for x in lines if f" {area}:" in x]
        assert "under the new key already" in said and "does not open" not in said, said
