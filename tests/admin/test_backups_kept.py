"""What `patient erase` says of the backups still holding the patient's data (ops O96): the files listed, "none was
taken" only when no backup was taken, and a folder that cannot be read said so, never taken for "none"."""

from __future__ import annotations

import json
from pathlib import Path

from bot.admin.backup import STAMP
from bot.admin.backups_kept import kept
from bot.admin.leaving_cli import _backups_note


def test_no_backup_taken_is_none(tmp_path: Path) -> None:
    assert kept(tmp_path) is None
    assert "none was taken" in _backups_note("P1", kept(tmp_path))


def test_the_backups_beside_the_last_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in ("iop-1.iopbak", "iop-2.iopbak"):
        (folder / name).write_bytes(b"x")
    (tmp_path / STAMP).write_text(json.dumps({"file": str(folder / "iop-2.iopbak")}), encoding="utf-8")
    found = kept(tmp_path)
    assert found is not None and found["count"] == 2, found
    assert "2 file(s)" in _backups_note("P1", found)


def test_a_stamp_that_cannot_be_read_is_said_not_taken_for_none(tmp_path: Path) -> None:
    (tmp_path / STAMP).write_text("{not json", encoding="utf-8")
    found = kept(tmp_path)
    assert found is not None and "unreadable" in found, found
    note = _backups_note("P1", found)
    assert "could not be read" in note and "none was taken" not in note, note
