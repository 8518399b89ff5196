"""A command run as root on a data dir another user owns refuses in one line, and `run` names a data file this
user cannot use (newcomer11 O12: one root command rewrote index.json as root 0600, and the service died in a
traceback under a restart loop while no patient was answered)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.admin import data_owner
from bot.cli import main
from tests.conftest import COUNSELOR, KEY

NOBODY = 65534


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    assert main(["counselor", "add", str(COUNSELOR), "--name", "Dana"]) == 0
    return tmp_path / "data"


@pytest.mark.skipif(os.geteuid() != 0, reason="root writing another user's data dir")
def test_root_does_not_write_a_data_dir_another_user_owns(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in data_dir.iterdir()}
    os.chown(data_dir, NOBODY, NOBODY)
    capsys.readouterr()
    assert main(["counselor", "add", "1002", "--name", "Rae"]) == 2
    err = capsys.readouterr().err
    assert "belongs to" in err and "runuser" in err and len(err.strip().splitlines()) == 1, err
    assert {p.name: p.stat().st_mtime_ns for p in data_dir.iterdir()} == before  # nothing written


def test_run_names_a_data_file_this_user_cannot_use(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    index = data_dir / "index.json"
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == index else real(p, mode))
    problem = data_owner.foreign_owned(data_dir)
    assert problem is not None and "index.json" in problem and "chown -R" in problem, problem
