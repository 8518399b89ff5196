"""Restoring a backup taken before a key rotation (ops O91): `restore` with "NEW,OLD" (as doctor's backup line
advised) said nothing about keys, then `doctor` with the key in use FAILed every file with "check that IOP_DATA_KEY
is the key this data was written with (after a rotation, the new key)", the wrong one, and named no fingerprint.
Now backup and restore name the key a backup needs, and doctor the key the restored files are under."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.admin.doctor import run_checks
from bot.admin.doctor_data import file_checks, key_check
from bot.cli import main
from bot.config.settings import Settings
from bot.store.crypto import keygen
from bot.store.rotation import fingerprint


def _doctor(data_dir: Path, *keys: str) -> str:
    out = io.StringIO()
    run_checks(Settings(bot_token="4242:t", data_dir=data_dir, data_keys=keys), out, [key_check, file_checks])
    return out.getvalue()


def test_a_backup_from_before_a_rotation_names_the_key_it_needs_on_restore_and_in_doctor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = keygen(), keygen()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "live"))
    monkeypatch.setenv("IOP_DATA_KEY", old)
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    backup = tmp_path / "before.iopbak"
    assert main(["backup", "--out", str(backup)]) == 0
    assert f"key {fingerprint(old)}" in capsys.readouterr().out  # the key it needs, on the backup
    monkeypatch.setenv("IOP_NEW_DATA_KEY", new)
    assert main(["rotate-key"]) == 0

    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "new"))
    monkeypatch.setenv("IOP_DATA_KEY", f"{new},{old}")  # as doctor's backup line advises
    assert main(["restore", str(backup)]) == 0
    said = capsys.readouterr().out
    assert f"under key {fingerprint(old)}, NOT the first key in IOP_DATA_KEY ({fingerprint(new)})" in said, (
        said
    )
    assert "rotate-key" in said

    with_new = _doctor(tmp_path / "new", new)  # what the service has: the key in use
    assert (
        f"FAIL data key: this data dir was restored from a backup whose files are under key {fingerprint(old)}"
        in (with_new)
    ), with_new
    assert with_new.count(fingerprint(old)) >= 2  # the data key line and the files line
    assert "FAIL data key" not in _doctor(
        tmp_path / "new", old
    )  # the key that opens them: no FAIL (an ok line names it)

    # Following the advice: the restored files under the key in use.
    monkeypatch.setenv("IOP_DATA_KEY", old)
    assert main(["rotate-key"]) == 0
    after = _doctor(tmp_path / "new", new)
    assert "FAIL" not in after, after


def test_a_keys_fingerprint_is_printed_from_stdin_and_a_newer_backup_is_not_called_the_old_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O114: restoring a backup taken under the NEW key with the old one said "(after rotate-key, the old one)",
    sending the admin after an even older key; and no command named a key's fingerprint without a data dir."""
    old, new = keygen(), keygen()
    monkeypatch.setattr("sys.stdin", io.StringIO(new + "\n"))
    assert main(["keygen", "--fingerprint"]) == 0
    assert capsys.readouterr().out.strip() == fingerprint(new)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "live"))
    monkeypatch.setenv("IOP_DATA_KEY", new)
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    assert main(["backup", "--out", str(tmp_path / "new.iopbak")]) == 0
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "restored"))
    monkeypatch.setenv("IOP_DATA_KEY", old)
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "new.iopbak")]) == 2
    said = capsys.readouterr().err
    assert fingerprint(new) in said and "the old one" not in said and "keygen --fingerprint" in said, said


def test_doctor_names_the_fingerprint_of_each_key_in_use(tmp_path: Path) -> None:
    """Ops O135: the hand-over paragraph says `doctor` prints each key's fingerprint; it printed none."""
    new, old = keygen(), keygen()
    settings = Settings(data_dir=tmp_path / "none", data_keys=(new, old))
    (line,) = [f for f in key_check(settings)]
    assert line.ok and fingerprint(new) in line.message and fingerprint(old) in line.message, line
    assert line.message.index(fingerprint(new)) < line.message.index(fingerprint(old))
