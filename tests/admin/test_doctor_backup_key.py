"""After `rotate-key` the last backup no longer opens with the key in use: doctor says so (newcomer finding
9-10: it called that backup ok, while `doctor --backup FILE` failed it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.admin.backup import snapshot
from bot.admin.doctor_data import backup_check
from bot.config.settings import Settings
from bot.store.crypto import keygen

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _settings(data_dir: Path, *keys: str) -> Settings:
    return Settings(bot_token="4242:doctor-test-token", data_dir=data_dir, data_keys=keys)


def test_a_backup_under_a_key_no_longer_in_use_fails_and_says_what_to_do(tmp_path: Path) -> None:
    old, new = keygen(), keygen()
    data = tmp_path / "data"
    data.mkdir()
    snapshot(data, (old,), tmp_path / "b1.iopbak", NOW)
    [ok] = backup_check(_settings(data, old), NOW)
    assert ok.ok, ok
    [after] = backup_check(_settings(data, new), NOW)  # rotated: IOP_DATA_KEY is the new key alone
    assert not after.ok and "b1.iopbak" in after.message
    assert "iop-bot backup" in after.message and "old key" in after.message
    [both] = backup_check(_settings(data, new, old), NOW)  # the old key kept beside the new one: it opens
    assert both.ok, both


def test_a_last_backup_no_longer_at_its_path_fails(tmp_path: Path) -> None:
    """newcomer11 O2: doctor said "ok ... last backup 0 h ago, to FILE" after FILE was deleted."""
    key = keygen()
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "b1.iopbak"
    snapshot(data, (key,), out, NOW)
    out.unlink()
    [gone] = backup_check(_settings(data, key), NOW)
    assert not gone.ok and "no longer at that path" in gone.message and "b1.iopbak" in gone.message


def test_a_backup_under_another_key_names_both_keys_and_a_damaged_one_says_damaged(tmp_path: Path) -> None:
    """newcomer9 N36: restore and doctor --backup said "another key, or damaged" alike, so an admin with
    several keys could not tell which one the backup needs, nor a wrong key from a damaged file."""
    import io

    import pytest

    from bot.admin.backup import read_backup, verify_backup
    from bot.store.rotation import fingerprint
    from bot.store.storage import DataRefusedError

    old, new = keygen(), keygen()
    data = tmp_path / "data"
    data.mkdir()
    backup = tmp_path / "b1.iopbak"
    snapshot(data, (old,), backup, NOW)
    with pytest.raises(DataRefusedError) as wrong:
        read_backup((new,), str(backup))
    said = str(wrong.value)
    assert f"under key {fingerprint(old)}" in said and f"IOP_DATA_KEY is {fingerprint(new)}" in said
    assert "damaged" not in said
    out = io.StringIO()
    assert verify_backup(_settings(data, new), str(backup), out) == 1
    assert fingerprint(old) in out.getvalue() and fingerprint(new) in out.getvalue()
    manifest, _ = read_backup((new, old), str(backup))  # the old key kept beside the new one: it opens
    assert manifest["key"] == fingerprint(old)

    raw = bytearray(backup.read_bytes())
    raw[-10] ^= 0x01  # one flipped byte under the right key
    backup.write_bytes(bytes(raw))
    with pytest.raises(DataRefusedError) as damaged:
        read_backup((old,), str(backup))
    assert "damaged" in str(damaged.value) and f"under key {fingerprint(old)}" in str(damaged.value)
    assert "another key" not in str(damaged.value)
