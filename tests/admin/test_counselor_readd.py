"""Adding a registered counselor again keeps their role unless told, says what changed, and never leaves the
program without an admin (newcomer11 O23: `counselor add ID --name` to fix a spelling made the only admin a
counselor, silently; the last alert round and the bot's health notices then reached no admin)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import KEY


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    assert main(["counselor", "add", "5101", "--name", "Morgan Lee", "--admin"]) == 0
    return tmp_path / "data"


def _roles(capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["counselor", "list"]) == 0
    return capsys.readouterr().out


def test_a_rename_keeps_the_admin_an_admin_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["counselor", "add", "5101", "--name", "Morgan R. Lee"]) == 0
    said = capsys.readouterr().out
    assert "renamed from Morgan Lee" in said and "still admin" in said, said
    assert "admin" in _roles(capsys)


def test_the_last_admin_is_never_made_a_counselor(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["counselor", "add", "5101", "--name", "Morgan Lee", "--not-admin"]) != 0
    assert "last admin" in capsys.readouterr().err
    assert main(["counselor", "add", "5102", "--name", "Dana Rivera", "--admin"]) == 0
    capsys.readouterr()
    assert main(["counselor", "add", "5101", "--name", "Morgan Lee", "--not-admin"]) == 0
    assert "now counselor (was admin)" in capsys.readouterr().out
