"""Fail closed, keep everything: a file that does not open is refused loudly and left byte-for-byte."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.cli import main
from bot.config.settings import Settings
from bot.domain.checkins import Entry, load_checkin_config
from bot.domain.models import Counselor
from bot.runtime import open_services
from bot.store import verify
from bot.store.crypto import FernetCodec, keygen
from bot.store.preflight import StartupRefused, patient_problems
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable
from tests.store.test_repository import invitation

NOW = datetime(2026, 11, 1, tzinfo=UTC)
KEY = keygen()


def _fill(data_dir: Path, key: str = KEY) -> str:
    """An index with a counselor and one patient with one check-in; returns the patient id."""
    repo = Repository(data_dir, codec=FernetCodec([key]))
    repo.add_counselor(Counselor(1001, "Dana", role="admin"))
    repo.add_code(invitation("Zephyrine"))
    patient = repo.enroll(invitation("Zephyrine"), 2001, NOW)
    entry = Entry("e1", NOW, date(2026, 11, 1), {"mood": 4, "note": "slept badly"})
    repo.record_checkin(patient.patient_id, entry, load_checkin_config())
    repo.save_draft(patient.patient_id, {"draft_id": "d2"})  # their own file too, beside the log
    repo.close()
    return patient.patient_id


def _snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every file's bytes (the lock file aside: it holds only the pid of whoever last looked)."""
    found = sorted(p for p in data_dir.rglob("*") if p.is_file() and p.name != ".lock")
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in found}


def _settings(data_dir: Path, key: str = KEY) -> Settings:
    return Settings(data_dir=data_dir, data_keys=(key,))


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    return tmp_path / "data"


def test_a_patient_file_under_another_key_is_refused_when_opened_and_by_doctor_and_left_as_it_was(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pid = _fill(cli_env)
    shard = cli_env / "patients" / f"{pid}.json"
    plain = Fernet(KEY.encode()).decrypt(shard.read_bytes())
    shard.write_bytes(Fernet(keygen().encode()).encrypt(plain))  # e.g. left by a half-done rotation
    before = _snapshot(cli_env)
    # Start-up does not read 10,000 patients' files; the background check and the first open refuse it.
    assert patient_problems(cli_env, (KEY,)) == {pid: verify.State.FOREIGN_KEY.value}
    with open_services(_settings(cli_env)) as svc:
        with pytest.raises(RecordsUnavailable, match="encrypted under a key that was not given"):
            svc.worker.call(svc.repo.checkins, pid)
        assert pid in svc.repo.unreadable
    assert main(["export", "--patient", "Zephyrine"]) == 2
    assert f"records of patient {pid} cannot be opened" in capsys.readouterr().err
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out  # the line names whose file it is (newcomer9 N43)
    assert re.search(
        rf"FAIL files: {re.escape(str(shard))} \(patient [^)]+\): encrypted under a key that was not given",
        out,
    )
    assert _snapshot(cli_env) == before


def test_a_planted_plaintext_index_is_refused_and_left_as_it_was(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(cli_env)
    planted = {"counselors": {"1": {"telegram_id": 6666, "name": "Mallory", "role": "admin"}}}
    (cli_env / "index.json").write_text(json.dumps(planted))
    before = _snapshot(cli_env)
    assert main(["counselor", "list"]) == 2
    err = capsys.readouterr().err
    assert "index.json: plaintext in an encrypted data dir" in err and "Mallory" not in err
    with pytest.raises(StartupRefused), open_services(_settings(cli_env)):
        pass
    assert _snapshot(cli_env) == before


def test_a_torn_patient_file_is_never_read_as_empty_and_is_left_as_it_was(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pid = _fill(cli_env)
    shard = cli_env / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:40])  # a torn write
    before = _snapshot(cli_env)
    assert patient_problems(cli_env, (KEY,)) == {pid: verify.State.TORN.value}
    with open_services(_settings(cli_env)) as svc:  # the others are still served
        with pytest.raises(RecordsUnavailable):
            svc.worker.call(svc.repo.checkins, pid)
        with pytest.raises(RecordsUnavailable):
            svc.worker.call(svc.repo.set_pending_input, pid, {"kind": "x"})
    assert main(["export", "--patient", "Zephyrine"]) == 2
    assert f"records of patient {pid} cannot be opened" in capsys.readouterr().err
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert re.search(rf"FAIL files: {re.escape(str(shard))} \(patient [^)]+\): torn or damaged", out), out
    assert f"--quarantine {shard}" in out
    assert _snapshot(cli_env) == before


def test_an_empty_patient_file_is_torn_not_an_empty_history(cli_env: Path) -> None:
    pid = _fill(cli_env)
    (cli_env / "patients" / f"{pid}.json").write_bytes(b"")
    with open_services(_settings(cli_env)) as svc, pytest.raises(RecordsUnavailable):
        svc.worker.call(svc.repo.checkins, pid)


def test_a_missing_index_with_patient_files_refuses_start_up(cli_env: Path) -> None:
    _fill(cli_env)
    (cli_env / "index.json").unlink()
    before = _snapshot(cli_env)
    with (
        pytest.raises(StartupRefused, match=r"index\.json is missing while 1 patient file"),
        open_services(_settings(cli_env)),
    ):
        pass
    assert _snapshot(cli_env) == before


def test_quarantine_is_explicit_audited_and_delete_erases_the_copy(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pid = _fill(cli_env)
    shard = cli_env / "patients" / f"{pid}.json"
    shard.write_bytes(b"gAAAAAtorn")
    assert main(["doctor", "--quarantine", str(cli_env / "index.json")]) == 2  # the index: restore it
    assert main(["doctor", "--quarantine", str(shard)]) == 0
    assert "aside as" in capsys.readouterr().out
    copies = list(shard.parent.glob(f"{shard.name}.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == b"gAAAAAtorn" and not shard.exists()
    with open_services(_settings(cli_env)) as svc:
        audit = svc.worker.call(svc.repo.audit_log)
        assert [(a["action"], a["subject"]) for a in audit][-1] == ("quarantine_file", pid)
        assert svc.worker.call(svc.repo.draft, pid) is None  # the loss was accepted, on the record
        kept = svc.worker.call(svc.repo.checkins, pid)  # check-ins are in a file of their own
        assert [e.answers["note"] for e in kept] == ["slept badly"]
        svc.worker.call(svc.repo.erase_patient_data, pid)
    assert list(shard.parent.glob(f"{pid}*")) == []


def test_a_wrong_key_for_the_whole_dir_refuses_without_touching_anything(cli_env: Path) -> None:
    _fill(cli_env)
    before = _snapshot(cli_env)
    with (
        pytest.raises(StartupRefused, match=r"encrypted under a key that was not given"),
        open_services(_settings(cli_env, keygen())),
    ):
        pass
    assert _snapshot(cli_env) == before
