"""The audit trail names the person who ran an admin command, and backup, restore and rotate-key leave a row
(ops O21: every row read "admin CLI (iop@vm)", the service user, and four backups left no trace)."""

from __future__ import annotations

import getpass
import pwd
from pathlib import Path

import pytest

from bot.admin import client
from bot.admin.client import _who
from bot.cli import main
from bot.store import audit_log
from bot.store.crypto import FernetCodec, keygen
from tests.conftest import COUNSELOR, KEY

SERVICE = getpass.getuser()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("SUDO_USER", "alice")  # root ran `sudo`, then `runuser -u <service user>`
    return tmp_path / "data"


def test_the_person_behind_sudo_is_named_beside_the_service_user() -> None:
    assert _who().startswith(f"alice via {SERVICE}@")


def test_the_login_behind_runuser_is_named_without_sudo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O71: the README's admin line (root's `runuser -u iop -- env …`) leaves no SUDO_USER and often no
    terminal; the session's login uid (pam_loginuid) survives su, sudo and runuser."""
    person = next(p for p in pwd.getpwall() if p.pw_name != SERVICE)
    monkeypatch.delenv("SUDO_USER")
    monkeypatch.setattr(client, "_terminal_login", lambda: None)
    (tmp_path / "loginuid").write_text(f"{person.pw_uid}\n")
    monkeypatch.setattr(client, "LOGINUID", tmp_path / "loginuid")
    assert _who().startswith(f"{person.pw_name} via {SERVICE}@")
    (tmp_path / "loginuid").write_text("4294967295")  # no login session: the service user alone
    assert _who().startswith(f"{SERVICE}@")


def _rows(data_dir: Path, key: str = KEY) -> list[dict[str, object]]:
    return list(audit_log.rows(data_dir, FernetCodec((key,))))


def test_backup_restore_and_rotate_key_are_audited_with_who_ran_them(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["counselor", "add", str(COUNSELOR), "--name", "Dana"]) == 0
    out = tmp_path / "b.iopbak"
    assert main(["backup", "--out", str(out)]) == 0
    [backup] = [r for r in _rows(data_dir) if r["action"] == "backup"]
    assert str(backup["by"]).startswith("alice via ") and backup["file"] == str(out), backup
    assert "Dana" not in str(backup)  # paths and counts, never patient or staff data

    restored = tmp_path / "restored"
    monkeypatch.setenv("IOP_DATA_DIR", str(restored))
    assert main(["restore", str(out)]) == 0
    [restore] = [r for r in _rows(restored) if r["action"] == "restore"]
    assert str(restore["by"]).startswith("alice via ") and restore["file"] == str(out), restore

    new = keygen()
    monkeypatch.setenv("IOP_NEW_DATA_KEY", new)
    assert main(["rotate-key"]) == 0
    [rotated] = [r for r in _rows(restored, new) if r["action"] == "rotate_key"]
    assert str(rotated["by"]).startswith("alice via ") and rotated["to"] != rotated["from"], rotated
