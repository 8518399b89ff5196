"""`iop-bot doctor` says retention's period and whose data it erases next (newcomer13 O52: with retention_days = 1
nothing but the audit rows after the fact said that two patients' data would be gone the next day)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.admin.doctor import run_checks
from bot.config.settings import Settings
from bot.store.crypto import FernetCodec
from bot.store.repository import Repository
from tests.store.test_patients_log import KEY, _enroll


def _retention(data_dir: Path, days: int) -> list[str]:
    out = io.StringIO()
    settings = Settings(data_dir=data_dir, data_keys=(KEY,), retention_days=days, timezone="America/Chicago")
    run_checks(settings, out)
    return [line for line in out.getvalue().splitlines() if " retention:" in line]


def test_doctor_names_the_next_erasures_and_when(tmp_path: Path) -> None:
    pids = _enroll(tmp_path, 3)
    left = datetime.now(UTC) - timedelta(hours=1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    for pid, status in zip(pids[:2], ("withdrawn", "aftercare"), strict=True):
        patient = repo.patient(pid)
        assert patient is not None
        repo.save_patient(patient.with_changes(status=status, status_changed_at=left))
    repo.close()
    (line,) = _retention(tmp_path, 1)
    due = (left + timedelta(days=1)).astimezone(Settings(timezone="America/Chicago").tz)
    when = f"{due:%a} {due.day} {due:%b} {due.year}"
    assert line.startswith("ok   retention: 1 day(s) after a patient leaves"), line
    assert f"next erasures: P0 ({when}), P1 ({when})" in line, line
    assert "P2" not in line  # still in treatment
    (none,) = _retention(tmp_path, 0)
    assert "no limit" in none


def test_nobody_waiting_is_said_so(tmp_path: Path) -> None:
    _enroll(tmp_path, 1)
    (line,) = _retention(tmp_path, 365)
    assert "365 day(s)" in line and "nobody who left" in line, line
