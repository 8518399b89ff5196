"""`iop-bot backup --out /tmp/x` while a bot runs under the documented unit (PrivateTmp=yes): the bot writes the
file into the service's own /tmp, which this command cannot see (newcomer11 O27 remnant: "Backed up 14 data
file(s) to /tmp/x.iopbak", exit 0, and no such file; gone at the next stop). The command checks that it sees the
file the bot wrote, and says why not."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from bot.admin import backup, client
from bot.admin.roster import AdminError
from bot.config.settings import Settings


def _bot_wrote(path: Path, size: int) -> Any:
    def admin(settings: Settings, op: str, params: dict[str, Any]) -> dict[str, Any]:
        assert op == "backup"
        return {"file": str(path), "files": 14, "bytes": size, "encrypted": True}

    return admin


def test_a_backup_the_bot_wrote_where_this_command_cannot_see_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "private-tmp" / "x.iopbak"  # in the service's namespace: nothing here
    monkeypatch.setattr(client, "admin", _bot_wrote(out, 4096))
    stdout = io.StringIO()
    with pytest.raises(AdminError) as refused:
        backup.take_backup(Settings(data_dir=tmp_path / "data"), str(out), stdout)
    assert "Backed up" not in stdout.getvalue()
    assert "cannot see" in str(refused.value) and "PrivateTmp" in str(refused.value), refused.value


def test_a_backup_this_command_sees_is_reported_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "x.iopbak"
    out.write_bytes(b"x" * 4096)
    monkeypatch.setattr(client, "admin", _bot_wrote(out, 4096))
    stdout = io.StringIO()
    assert backup.take_backup(Settings(data_dir=tmp_path / "data"), str(out), stdout) == 0
    assert "Backed up 14 data file(s)" in stdout.getvalue()


def test_an_older_file_of_another_size_at_that_path_is_not_taken_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "x.iopbak"
    out.write_bytes(b"old")  # last week's, visible here; the bot wrote tonight's elsewhere
    monkeypatch.setattr(client, "admin", _bot_wrote(out, 4096))
    with pytest.raises(AdminError):
        backup.take_backup(Settings(data_dir=tmp_path / "data"), str(out), io.StringIO())
