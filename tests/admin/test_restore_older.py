"""A backup of an older release restored with this one (ops O107): every reading command refused the restored copy
("data format 5 ... work once the bot has started") and doctor ran only the checks that read no patient data, so it
could be test-read only by `iop-bot run`, which the README forbids on the real token. Now `restore` brings the copy
to this release's data format, as the bot's start would, and says so; the backup file is unchanged. And its advice
for who enrolled since no longer points at `patient list`, which cannot show them (ops O105)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from bot.admin.backup import take_backup
from bot.admin.client import admin
from bot.admin.restore import restore_backup
from bot.admin.upgrade_pending import pending
from bot.config.settings import Settings
from bot.store import migrate
from tests.store.test_migration import KEY, _copy, _raw_index


def test_an_older_backup_is_restored_in_this_releases_format_and_reads(tmp_path: Path) -> None:
    old = Settings(data_dir=_copy(tmp_path), data_keys=(KEY,))
    backup = tmp_path / "pre.iopbak"
    assert take_backup(old, str(backup), io.StringIO()) == 0
    before = hashlib.sha256(backup.read_bytes()).hexdigest()
    restored = Settings(data_dir=tmp_path / "restored", data_keys=(KEY,))
    out = io.StringIO()
    assert restore_backup(restored, str(backup), out) == 0
    said = out.getvalue()
    assert f"brought to data format {migrate.DATA_FORMAT} here" in said and "data format 2" in said, said
    assert (
        pending(restored) is None
        and migrate.stored_format(_raw_index(restored.data_dir)) == migrate.DATA_FORMAT
    )
    assert admin(restored, "patient_list", {}) is not None  # refused before ("work once the bot has started")
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == before
    assert "accepted your invitation" in said and "check `iop-bot patient list`" not in said, said
