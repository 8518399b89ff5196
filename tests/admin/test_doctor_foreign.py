"""`iop-bot doctor` on files that are not this program's (newcomer7 finding N12): another clinic's patient
file was met with "restore the index from a backup" (the index was newer than any backup) and "restore it
from a backup" (no backup ever held it), and a plaintext note and a `.bak` copy passed without a word."""

from __future__ import annotations

import io
from pathlib import Path

from bot.admin.doctor import run_checks
from bot.config.settings import Settings
from tests.store.test_patients_log import KEY, _enroll


def _doctor(data_dir: Path) -> str:
    out = io.StringIO()
    run_checks(Settings(data_dir=data_dir, data_keys=(KEY,)), out)
    return out.getvalue()


def test_a_used_data_dir_has_no_foreign_files(tmp_path: Path) -> None:
    _enroll(tmp_path, 2)
    assert "ok   foreign files: every file in the data dir is one the bot writes" in _doctor(tmp_path)


def test_stray_files_are_named_with_what_to_do(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 2)
    (tmp_path / "notes.txt").write_text("call mom re: Tyler")
    (tmp_path / "patients").mkdir(exist_ok=True, mode=0o700)
    (tmp_path / "patients" / f"{pid}.json.bak").write_bytes(b"gAAAAABa-copy")
    for stray in (tmp_path / "notes.txt", tmp_path / "patients" / f"{pid}.json.bak"):
        stray.chmod(0o600)  # only what this test is about
    text = _doctor(tmp_path)
    for name in ("notes.txt", f"{pid}.json.bak"):
        (line,) = [x for x in text.splitlines() if name in x and "foreign" in x]
        assert line.startswith("FAIL foreign files: ") and "is not a file the bot writes" in line


def test_another_programs_patient_file_is_not_met_with_restore_the_index(tmp_path: Path) -> None:
    _enroll(tmp_path, 2)
    (tmp_path / "patients").mkdir(exist_ok=True, mode=0o700)
    stranger = tmp_path / "patients" / "p0123456789ab.json"
    stranger.write_bytes(b"gAAAAABnot-ours")  # another clinic's key
    stranger.chmod(0o600)
    lines = [x for x in _doctor(tmp_path).splitlines() if str(stranger) in x]
    assert len(lines) == 1, lines
    assert lines[0].startswith("FAIL index: ") and "belongs to no patient of this program" in lines[0]
    assert "move it out of the data dir" in lines[0] and "restore the index" not in lines[0]


def test_a_damaged_index_is_never_offered_to_quarantine(tmp_path: Path) -> None:
    """newcomer7 finding N13: doctor and the refused start-up offered `--quarantine index.json`, which
    `--quarantine` then refuses (the index holds every patient and counselor)."""
    from datetime import UTC, datetime

    from bot.domain.escalation import Alert
    from bot.store.crypto import FernetCodec
    from bot.store.preflight import StartupRefused, preflight
    from bot.store.repository import Repository

    pids = _enroll(tmp_path, 3)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    for pid in pids:  # patient files that still open: the key is right, only the index is damaged
        repo.raise_flag(pid, "low_mood", f"low_mood:{pid}", datetime(2026, 11, 30, tzinfo=UTC), {})
    repo.add_alert(Alert("a1", "sos", pids[0], 1001, datetime(2026, 11, 30, tzinfo=UTC)))  # alerts.json
    repo.close()
    index = tmp_path / "index.json"
    index.write_bytes(index.read_bytes()[:40])
    (line,) = [x for x in _doctor(tmp_path).splitlines() if x.startswith(f"FAIL files: {index}")]
    assert "--quarantine" not in line and "iop-bot restore" in line
    try:
        preflight(tmp_path, (KEY,))
    except StartupRefused as refused:
        assert "--quarantine" not in str(refused) and "iop-bot restore" in str(refused)
    else:
        raise AssertionError("a damaged index must refuse start-up")
