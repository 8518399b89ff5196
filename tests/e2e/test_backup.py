"""Backup while the bot runs, restore into an empty dir: the export is identical; a bad backup is caught."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import HARD_DAY, KEY, PATIENT, Harness, check_in_with_note, enroll_patient


async def cli(*args: str) -> int:
    """The CLI in a thread: this test's event loop is the running bot's."""
    return await asyncio.to_thread(main, list(args))


def _env(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)


async def test_a_live_backup_restores_to_an_identical_export(
    bot: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await enroll_patient(bot, PATIENT, "Harper")
    await check_in_with_note(bot, PATIENT, "a long day, but I called my sponsor", HARD_DAY)
    monkeypatch.chdir(tmp_path)
    live = bot.services.settings.data_dir
    _env(monkeypatch, live)
    backup = tmp_path / "nightly.iopbak"
    # Through the running bot's control socket (in a thread: this loop is the bot's).
    assert await cli("backup", "--out", str(backup)) == 0
    assert str(backup) in capsys.readouterr().out
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    assert b"Harper" not in backup.read_bytes() and b"sponsor" not in backup.read_bytes()
    assert await cli("export", "--patient", "Harper") == 0
    original = capsys.readouterr().out
    assert "sponsor" in original

    assert await cli("doctor", "--backup", str(backup)) == 0
    assert "checksums match" in capsys.readouterr().out
    _env(monkeypatch, tmp_path / "restored")
    assert await cli("restore", str(backup)) == 0
    assert await cli("export", "--patient", "Harper") == 0
    restored, exported = capsys.readouterr().out.split("notes the restore for 7 days.\n", 1)
    assert exported == original
    assert "people enrolled since are strangers to the bot" in restored  # newcomer4 finding 14
    assert await cli("restore", str(backup)) == 2  # never over a data dir that has something in it
    assert "not empty" in capsys.readouterr().err

    old = os.umask(0o022)  # a default umask: the export must still be private
    try:
        assert await cli("export", "--patient", "Harper", "--out", "harper.csv") == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "harper.csv").st_mode) == 0o600
    written = (tmp_path / "harper.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfalias,")  # a spreadsheet reads it as UTF-8; once, not twice
    said = capsys.readouterr().err
    assert str(tmp_path / "harper.csv") in said and "identifiable health data" in said


def test_a_damaged_backup_fails_verification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _env(monkeypatch, tmp_path / "data")
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    backup = tmp_path / "b.iopbak"
    assert main(["backup", "--out", str(backup)]) == 0
    assert main(["doctor", "--backup", str(backup)]) == 0
    damaged = bytearray(backup.read_bytes())
    damaged[len(damaged) // 2] ^= 1
    backup.write_bytes(bytes(damaged))
    assert main(["doctor", "--backup", str(backup)]) == 1
    _env(monkeypatch, tmp_path / "other")
    assert main(["restore", str(backup)]) == 2
    assert not (tmp_path / "other").exists() or not any((tmp_path / "other").iterdir())


def test_a_restore_into_a_folder_that_cannot_be_made_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer11 O7: a folder the service user may not create gave a 20-line traceback. (The tests run as root,
    so a file where a folder should be stands in for a parent it may not write.)"""
    monkeypatch.chdir(tmp_path)
    _env(monkeypatch, tmp_path / "data")
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    backup = tmp_path / "b.iopbak"
    assert main(["backup", "--out", str(backup)]) == 0
    capsys.readouterr()
    (tmp_path / "afile").write_text("not a folder")
    _env(monkeypatch, tmp_path / "afile" / "data")
    assert main(["restore", str(backup)]) == 2
    err = capsys.readouterr().err
    assert "could not create" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
