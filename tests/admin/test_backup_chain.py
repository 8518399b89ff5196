"""Ops O125: with the data key, an insider rewrote who acknowledged an alert and re-chained the log; `audit
--verify` said whole, though every backup held the original rows. `doctor --backup FILE` compares them."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.admin.backup import snapshot, verify_backup
from bot.cli import main
from bot.config.settings import Settings
from bot.store import audit_log
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository

KEY = keygen()
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


def _program(data: Path, rows: int) -> None:
    repo = Repository(data, codec=FernetCodec([KEY]))
    for n in range(rows):
        repo.audit(NOW + timedelta(minutes=n), 5102, "alert_acknowledged", "p1", n=n)
    repo.close()


def _rechain(segment: Path, line: int) -> None:
    """What a key-holder does: change one row, recompute every following record's hash, re-encrypt."""
    f = Fernet(KEY.encode())
    records = [json.loads(f.decrypt(raw)) for raw in segment.read_bytes().split(b"\n")[:-1]]
    records[line - 1]["r"]["actor"] = 5103
    prev, out = audit_log.GENESIS, []
    for record in records:
        record["p"] = prev
        plain = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        prev = audit_log.digest(plain)
        out.append(f.encrypt(plain))
    segment.write_bytes(b"\n".join(out) + b"\n")


def _doctor_backup(data: Path, backup: Path) -> tuple[int, str]:
    out = io.StringIO()
    settings = Settings(bot_token="4242:doctor-test-token", data_dir=data, data_keys=(KEY,))
    return verify_backup(settings, str(backup), out), out.getvalue()


def test_a_rechained_row_the_backup_holds_fails(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _program(data, 5)
    backup = tmp_path / "b1.iopbak"
    snapshot(data, (KEY,), backup, NOW)
    _program(data, 2)  # the log goes on after the backup: no difference
    assert _doctor_backup(data, backup)[0] == 0
    (segment,) = audit_log.segments(data)
    _rechain(segment, 3)
    assert audit_log.verify(data, FernetCodec([KEY]))[0] == 7  # the chain is whole again
    rc, said = _doctor_backup(data, backup)
    assert rc == 1 and "FAIL backup: 3 audit record(s) this backup holds differ" in said, said
    assert "record 3 (" in said and "changed" in said, said


def test_backup_prints_the_audit_logs_head_to_keep_off_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _program(data, 4)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(data))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    assert main(["backup", "--out", str(tmp_path / "b.iopbak")]) == 0
    last = list(audit_log.records(data, FernetCodec([KEY])))[-1]
    assert f"Audit log: record {last.n}, hash {last.digest[:16]}." in capsys.readouterr().out
