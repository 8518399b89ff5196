"""`iop-bot doctor` on records the bot no longer holds (newcomer6 finding 12).

A cut-short patients.log or check-in log lost stored data at the next start (a reassignment undone, a
check-in gone), and doctor said all was well before and after, never naming the `.torn-*` file; a
patient left pointing at a removed counselor was not noticed either.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from bot.admin.doctor import run_checks
from bot.admin.quarantine import quarantine_file
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.store import checkin_log
from bot.store.crypto import FernetCodec
from bot.store.repository import PATIENTS_LOG, Repository
from tests.store.test_patients_log import KEY, _enroll


def _doctor(data_dir: Path, area: str) -> list[str]:
    out = io.StringIO()
    run_checks(Settings(data_dir=data_dir, data_keys=(KEY,)), out)
    return [line for line in out.getvalue().splitlines() if f" {area}:" in line]


def _reassign(data_dir: Path, pid: str, to: int) -> None:
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    patient = repo.patient(pid)
    assert patient is not None
    repo.save_patient(patient.with_changes(counselor_id=to))
    repo.close()


def test_a_cut_short_patients_log_fails_before_and_after_the_bot_sets_it_aside(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 2)
    assert _doctor(tmp_path, "set aside") == []
    log = tmp_path / PATIENTS_LOG
    _reassign(tmp_path, pid, 1001)
    log.write_bytes(log.read_bytes()[:-100])  # a damaged copy: the last change is cut short
    damaged = log.read_bytes()
    (before,) = _doctor(tmp_path, "set aside")
    assert before.startswith(f"FAIL set aside: {log} ends in ") and "patients.log" in before
    # A check changes nothing (newcomer7 N14: doctor's own store open set the tail aside as it printed
    # "the bot sets them aside at its next start"); it says what repairs it.
    assert log.read_bytes() == damaged and not list(tmp_path.glob(f"{PATIENTS_LOG}.torn-*"))
    assert "Nothing was changed" in before and f"`iop-bot doctor --quarantine {log}`" in before
    (reach,) = _doctor(tmp_path, "counselors")
    assert reach.startswith("FAIL counselors: not checked: opening the records now would set aside")
    Repository(tmp_path, codec=FernetCodec([KEY])).close()  # the bot's start sets the tail aside
    (copy,) = tmp_path.glob(f"{PATIENTS_LOG}.torn-*")
    (after,) = _doctor(tmp_path, "set aside")
    assert after.startswith(f"FAIL set aside: {copy} holds the cut-short end of patients.log")
    assert "iop-bot restore" in after and "delete this file" in after
    copy.unlink()
    assert _doctor(tmp_path, "set aside") == []


def test_a_set_aside_check_in_names_the_patient(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 2)
    copy = tmp_path / "patients" / f"{pid}{checkin_log.SUFFIX}.torn-20261130T042446Z"
    copy.parent.mkdir(exist_ok=True, mode=0o700)
    copy.write_bytes(b"gAAAAABcut")
    (line,) = _doctor(tmp_path, "set aside")
    assert line.startswith(
        f"FAIL set aside: {copy} holds the cut-short end of patient P0 ({pid})'s check-ins"
    )


def test_a_patient_whose_counselor_is_not_registered_fails(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 2)
    assert [line[:4] for line in _doctor(tmp_path, "caseloads")] == ["ok  "]
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    repo.add_counselor(Counselor(5001, "Priya"))
    repo.close()
    _reassign(tmp_path, pid, 5001)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert repo.remove_counselor(5001)  # what an undone reassignment leaves: the patient still with 5001
    repo.close()
    (line,) = _doctor(tmp_path, "caseloads")
    assert line.startswith(f"FAIL caseloads: patient P0 ({pid}) has counselor 5001, who is not a registered")
    assert "iop-bot patient reassign P0 --counselor" in line


def test_quarantine_sets_a_cut_short_tail_aside_on_the_record(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 2)
    log = tmp_path / PATIENTS_LOG
    _reassign(tmp_path, pid, 1001)
    whole = log.read_bytes()
    log.write_bytes(whole[:-100])
    said = quarantine_file(Settings(data_dir=tmp_path, data_keys=(KEY,)), str(log), datetime.now(UTC))
    (copy,) = tmp_path.glob(f"{PATIENTS_LOG}.torn-*")
    assert copy.name in said and "bytes of" in said
    assert log.read_bytes() + copy.read_bytes() == whole[:-100]
    assert "not checked" not in "".join(_doctor(tmp_path, "counselors"))
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert "set_aside_tail" in [e["action"] for e in repo.audit_log()]
    repo.close()


def test_a_torn_patient_file_is_named_with_its_patient(tmp_path: Path) -> None:
    """newcomer9 N43: the admin told in Telegram that Rosa's records can't be opened found only a file id in
    doctor's line, and nothing at the server maps ids to aliases."""
    (pid, *_) = _enroll(tmp_path, 2)
    shard = tmp_path / "patients" / f"{pid}.json"
    shard.parent.mkdir(exist_ok=True, mode=0o700)
    shard.write_bytes(b"gAAAAABtorn")
    lines = _doctor(tmp_path, "files")
    assert any(line.startswith(f"FAIL files: {shard} (patient P0): torn or damaged") for line in lines), lines
