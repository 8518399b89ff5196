"""Patients' profiles in patients.log: a change is one appended line; compaction keeps it the size of what is
live; a cut-short tail is set aside loudly, a bad line refuses start-up; an enrollment a crash cut is finished."""

from __future__ import annotations

import dataclasses
import io
import logging
from datetime import UTC, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from bot.admin.backup import snapshot
from bot.admin.keys import rotate_key
from bot.admin.restore import restore_backup
from bot.config.settings import Settings
from bot.domain.escalation import Alert
from bot.domain.models import Counselor
from bot.runtime import open_services
from bot.store import keyed_log, storage
from bot.store.crypto import FernetCodec, keygen
from bot.store.preflight import StartupRefused
from bot.store.repository import PATIENTS_LOG, Repository
from tests.store.test_fail_closed import _snapshot
from tests.store.test_repository import invitation

NOW = datetime(2026, 11, 1, tzinfo=UTC)
KEY = keygen()


def _enroll(data_dir: Path, n: int = 3) -> list[str]:
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    repo.add_counselor(Counselor(1001, "Dana", role="admin"))
    pids = []
    for i in range(n):
        code = invitation(f"P{i}", "ABCDEFG" + "HJKMN"[i])
        repo.add_code(code)
        pids.append(repo.enroll(code, 2001 + i, NOW).patient_id)
    repo.close()
    return pids


def test_a_settings_change_appends_one_line_and_survives_a_reopen(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path)
    log = tmp_path / PATIENTS_LOG
    before = log.stat().st_size
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    patient = repo.patient(pid)
    assert patient is not None
    repo.save_patient(patient.with_changes(timezone="America/Chicago", checkin_time=time(18)))
    repo.close()
    assert 0 < log.stat().st_size - before < 1200  # one line, not the table again
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    again = repo.patient(pid)
    assert again is not None and again.timezone == "America/Chicago" and again.checkin_time == time(18)
    assert repo.patient_by_telegram(2001) == again and len(repo.patients()) == 3
    repo.close()


def test_compaction_keeps_the_file_the_size_of_what_is_live(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyed_log, "MIN_COMPACT_BYTES", 4096)
    pids = _enroll(tmp_path)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    sizes = []
    for n in range(60):
        patient = repo.patient(pids[n % 3])
        assert patient is not None
        repo.save_patient(patient.with_changes(locale=f"l{n}"))
        sizes.append((tmp_path / PATIENTS_LOG).stat().st_size)
    repo.close()
    rewrites = sum(later < earlier for earlier, later in pairwise(sizes))
    assert max(sizes) < 3 * 4096 and rewrites >= 5  # rewritten along the way, never left to grow
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert sorted(p.locale or "" for p in repo.patients()) == ["l57", "l58", "l59"]
    repo.close()


def test_a_cut_short_tail_is_set_aside_loudly(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _enroll(tmp_path)
    log = tmp_path / PATIENTS_LOG
    whole = log.read_bytes()
    log.write_bytes(whole + b"gAAAAABcut")
    with caplog.at_level(logging.ERROR):
        repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert len(repo.patients()) == 3
    repo.close()
    assert "10 bytes cut short" in caplog.text
    (copy,) = tmp_path.glob(f"{PATIENTS_LOG}{storage.TORN_MARK}*")
    assert copy.read_bytes() == b"gAAAAABcut" and log.read_bytes() == whole


def test_a_damaged_or_foreign_line_refuses_start_up_untouched(tmp_path: Path) -> None:
    _enroll(tmp_path)
    log = tmp_path / PATIENTS_LOG
    lines = log.read_bytes().split(b"\n")
    lines[0] = lines[0][:40] + (b"A" if lines[0][40:41] != b"A" else b"B") + lines[0][41:]
    log.write_bytes(b"\n".join(lines))
    before = _snapshot(tmp_path)
    with (
        pytest.raises(StartupRefused, match=rf"{PATIENTS_LOG} line 1"),
        open_services(Settings(data_dir=tmp_path, data_keys=(KEY,))),
    ):
        pass
    assert _snapshot(tmp_path) == before


def test_an_enrollment_cut_by_a_crash_is_finished_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    code = invitation("Late", "ABCDEFGP")
    repo.add_code(code)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # the process dies between the patient's line and the index's write

    monkeypatch.setattr(Repository, "_use_code", crash)
    with pytest.raises(KeyboardInterrupt):
        repo.enroll(code, 3001, NOW)
    repo.close()
    monkeypatch.undo()
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    used = repo.code(code.code_hash)
    assert used is not None and used.used_at is not None  # nobody else can use it
    assert repo.patient_by_telegram(3001) is not None and repo.alias_in_use("Late")
    repo.close()


def test_backup_and_key_rotation_carry_the_patients(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _enroll(data_dir)
    snapshot(data_dir, (KEY,), tmp_path / "b.iopbak", NOW)
    restored = Settings(data_dir=tmp_path / "restored", data_keys=(KEY,))
    restore_backup(restored, str(tmp_path / "b.iopbak"), io.StringIO())
    assert len(keyed_log.read_lines(restored.data_dir / PATIENTS_LOG, FernetCodec([KEY]))[0]) == 3
    new = keygen()
    assert rotate_key(Settings(data_dir=data_dir, data_keys=(KEY,)), new, io.StringIO()) == 0
    repo = Repository(data_dir, codec=FernetCodec([new]))
    assert len(repo.patients()) == 3
    repo.close()


def test_alerts_closed_long_ago_leave_the_index_for_the_audit_log(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    for n in range(3):
        old = Alert(f"old{n}", "crisis", pid, 1001, NOW - timedelta(days=90), text="words")
        repo.add_alert(old)
        repo.save_alert(dataclasses.replace(old, acked_at=NOW - timedelta(days=89 - n * 40), acked_by=1001))
    fresh = Alert("new", "sos", pid, 1001, NOW, text="help")
    repo.add_alert(fresh)
    repo.save_alert(dataclasses.replace(fresh, acked_at=NOW, acked_by=1001))
    assert [a for a in ("old0", "old1", "old2", "new") if repo.alert(a)] == ["old2", "new"]  # 9 days: kept
    archived = [r for r in repo.audit_log() if r["action"] == "alert_archived"]
    assert [(r["alert"], r["kind"], r["subject"]) for r in archived] == [
        ("old0", "crisis", pid),
        ("old1", "crisis", pid),
    ]
    assert "words" not in str(archived)
    repo.close()
