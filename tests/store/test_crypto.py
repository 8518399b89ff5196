"""Encryption at rest: nothing readable in the data dir, key rotation without loss."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.domain.checkins import Entry, load_checkin_config
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository
from bot.store.storage import DataKeyError, RecordsUnavailable
from tests.store.test_repository import invitation

NOTE = "slept badly, argued with my sister"


def _fill(data_dir: Path, key: str) -> str:
    repo = Repository(data_dir, codec=FernetCodec([key]))
    now = datetime(2026, 11, 1, tzinfo=UTC)
    repo.add_code(invitation("Zephyrine"))
    patient = repo.enroll(invitation("Zephyrine"), 2001, now)
    entry = Entry("e1", now, date(2026, 11, 1), {"mood": 4, "note": NOTE})
    repo.record_checkin(patient.patient_id, entry, load_checkin_config())
    repo.save_draft(patient.patient_id, {"draft_id": "d2"})  # their own file too, beside the log
    repo.close()
    return patient.patient_id


def _readable(data_dir: Path, needle: str) -> bool:
    return any(needle.encode() in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def test_no_alias_or_note_is_readable_in_the_data_dir(tmp_path: Path) -> None:
    _fill(tmp_path, keygen())
    assert not _readable(tmp_path, "Zephyrine") and not _readable(tmp_path, "argued")


def test_a_wrong_or_missing_key_refuses_to_open_instead_of_starting_empty(tmp_path: Path) -> None:
    key = keygen()
    pid = _fill(tmp_path, key)
    with pytest.raises(DataKeyError):
        Repository(tmp_path, codec=FernetCodec([keygen()]))
    with pytest.raises(DataKeyError):
        Repository(tmp_path)
    # The index opens, but this patient's file is under another key: refused, not an empty history.
    shard = tmp_path / "patients" / f"{pid}.json"
    plain = FernetCodec([key]).decode(shard.read_bytes())
    shard.write_bytes(FernetCodec([keygen()]).encode(plain))
    repo = Repository(tmp_path, codec=FernetCodec([key]))
    with pytest.raises(RecordsUnavailable, match="encrypted under a key that was not given"):
        repo.checkins(pid)
    assert not list(tmp_path.rglob("*.corrupt-*"))


def test_rotating_the_key_keeps_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = keygen(), keygen()
    pid = _fill(tmp_path / "data", old)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", old)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{new}\n"))  # never argv: `ps` and shell history
    assert main(["rotate-key"]) == 0
    with pytest.raises(DataKeyError):
        Repository(tmp_path / "data", codec=FernetCodec([old]))
    repo = Repository(tmp_path / "data", codec=FernetCodec([new]))
    assert repo.checkins(pid)[0].answers["note"] == NOTE
    assert repo.patient(pid) is not None


def test_without_a_key_the_bot_refuses_to_start_unless_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("IOP_DATA_KEY", raising=False)
    assert main(["patient", "list"]) == 2
    assert "IOP_DATA_KEY" in capsys.readouterr().err
    (tmp_path / "trial.toml").write_text("[storage]\nallow_unencrypted = true\n")
    monkeypatch.setenv("IOP_CONFIG", str(tmp_path / "trial.toml"))
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    assert main(["patient", "list"]) == 0
