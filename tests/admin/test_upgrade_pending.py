"""A command run on a data dir of an older release leaves it as it is (newcomer7 finding N10): `doctor`
said "belongs to no patient in the index; restore the index from a backup" and then upgraded the dir in
place; `backup` saved the upgraded files, so the backup an upgrade calls for could not be taken."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from bot.admin.backup import read_backup, take_backup
from bot.admin.client import admin
from bot.admin.doctor import run_checks
from bot.admin.upgrade_pending import UpgradePending
from bot.config.settings import Settings
from bot.runtime import open_services
from bot.store import migrate
from tests.store.test_migration import KEY, _copy, _raw_index


def _files(data_dir: Path) -> dict[str, str]:
    return {
        p.relative_to(data_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_doctor_says_the_bot_will_upgrade_it_and_changes_nothing(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    before = _files(data_dir)
    out = io.StringIO()
    assert run_checks(Settings(data_dir=data_dir, data_keys=(KEY,)), out) == 1
    text = out.getvalue()
    assert text.startswith("FAIL data format: ") and "data format 2" in text and "iop-bot backup" in text
    assert "restore the index" not in text and "belongs to no patient" not in text
    assert "ok   version" in text and "ok   settings" in text  # what needs no patient data still runs
    assert _files(data_dir) == before and migrate.stored_format(_raw_index(data_dir)) == 2


def test_backup_copies_the_files_as_the_older_release_wrote_them(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    settings = Settings(data_dir=data_dir, data_keys=(KEY,))
    out = io.StringIO()
    assert take_backup(settings, str(tmp_path / "pre.iopbak"), out) == 0
    assert "data format 2" in out.getvalue()
    assert migrate.stored_format(_raw_index(data_dir)) == 2
    _, files = read_backup((KEY,), str(tmp_path / "pre.iopbak"))
    assert hashlib.sha256(files["index.json"]).hexdigest() == _files(data_dir)["index.json"]
    # ... and the bot then upgrades the dir at start, as before.
    with open_services(settings):
        pass
    assert migrate.stored_format(_raw_index(data_dir)) == migrate.DATA_FORMAT


def test_other_commands_refuse_in_one_line_and_change_nothing(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    before = _files(data_dir)
    with pytest.raises(UpgradePending, match=r"data format 2.*upgrades the dir in place when the bot starts"):
        admin(Settings(data_dir=data_dir, data_keys=(KEY,)), "patient_list", {})
    assert _files(data_dir) == before
