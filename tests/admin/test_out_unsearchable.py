"""An --out in a directory the service user cannot even look into (ops O99): round 19's O70 fix gave one line for
a directory it could not write, but `/root/p2.json` (root's home, mode 700, a common reflex under the README's
runuser line) still ended in a 20-line PermissionError traceback from the existence check; and `backup` said
"free some space" for a permission problem. The tests run as root, so the refusal is the file system's, faked."""

from __future__ import annotations

import contextlib
import errno
import getpass
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.admin import backup, out_file
from bot.admin.roster import AdminError
from bot.store.crypto import keygen

NOW = datetime(2026, 12, 1, 2, 15, tzinfo=UTC)


def test_an_out_in_a_directory_that_cannot_be_searched_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden = str(tmp_path / "root" / "p2.json")
    stat, open_ = os.stat, os.open

    def no_search(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path) == hidden:
            raise PermissionError(errno.EACCES, "Permission denied", hidden)
        return stat(path, *args, **kwargs)  # type: ignore[arg-type]

    def no_open(path: object, *args: object, **kwargs: object) -> int:
        if str(path) == hidden:
            raise PermissionError(errno.EACCES, "Permission denied", hidden)
        return open_(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", no_search)
    monkeypatch.setattr(os, "open", no_open)
    with pytest.raises(AdminError) as refused:
        out_file.check_writable(hidden)
    said = str(refused.value)
    assert "Permission denied" in said and "choose an --out that user can write" in said, said


def test_a_backup_refused_for_permissions_says_so_not_free_some_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @contextlib.contextmanager
    def refused(out: Path) -> Iterator[int]:
        raise PermissionError(errno.EACCES, "Permission denied")
        yield 0

    monkeypatch.setattr(backup, "private_temp", refused)
    data = tmp_path / "data"
    data.mkdir()
    with pytest.raises(AdminError) as failed:
        backup.snapshot(data, (keygen(),), Path("/root/b.iopbak"), NOW)
    said = str(failed.value)
    assert "choose an --out that user can write" in said and "free some space" not in said, said


def test_a_backup_into_a_directory_that_does_not_exist_says_so(tmp_path: Path) -> None:
    """Ops O126: "No such file or directory (nothing was left there; free some space ...)"."""
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "srv" / "backups" / "x.iopbak"
    with pytest.raises(AdminError) as failed:
        backup.snapshot(data, (keygen(),), out, NOW)
    said = str(failed.value)
    assert f"the directory {out.parent} does not exist" in said and "free some space" not in said, said


def test_a_backup_refused_for_a_uid_without_a_passwd_entry_names_the_uid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O133: an arbitrary uid (Kubernetes, OpenShift) made getpass raise KeyError: "the bot could not do that"."""

    @contextlib.contextmanager
    def refused(out: Path) -> Iterator[int]:
        raise PermissionError(errno.EACCES, "Permission denied")
        yield 0

    def no_entry() -> str:
        raise KeyError(f"getpwuid(): uid not found: {os.getuid()}")

    monkeypatch.setattr(backup, "private_temp", refused)
    monkeypatch.setattr(getpass, "getuser", no_entry)
    data = tmp_path / "data"
    data.mkdir()
    with pytest.raises(AdminError) as failed:
        backup.snapshot(data, (keygen(),), Path("/root/b.iopbak"), NOW)
    assert f"written as user uid {os.getuid()}" in str(failed.value), str(failed.value)
