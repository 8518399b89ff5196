"""Admin commands run side by side with no bot running: they take turns on the data-dir lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.admin import client as admin_client
from bot.cli import main
from bot.store.lock import DataDirLock
from tests.conftest import KEY

N = 6  # the report: 6 of 12 parallel commands failed


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    return tmp_path / "data"


@pytest.mark.slow
def test_commands_started_at_once_all_succeed(data_dir: Path) -> None:
    env = {**os.environ, "IOP_DATA_DIR": str(data_dir), "IOP_DATA_KEY": KEY}
    cmd = [sys.executable, "-m", "bot.cli", "counselor", "add"]
    procs = [
        subprocess.Popen([*cmd, str(5000 + i), "--name", f"C{i}"], env=env, stderr=subprocess.PIPE, text=True)
        for i in range(N)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * N, errors
    listing = subprocess.run(
        [sys.executable, "-m", "bot.cli", "counselor", "list"], env=env, capture_output=True, text=True
    )
    assert all(f"C{i} " in listing.stdout or listing.stdout.rstrip().endswith(f"C{i}") for i in range(N))


def test_a_command_held_up_by_another_says_so_and_never_names_a_running_bot(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(admin_client, "LOCK_WAIT_SECONDS", 0.3)
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    other = DataDirLock(data_dir, role="cli")
    other.acquire()
    try:
        assert main(["patient", "list"]) == 2
    finally:
        other.release()
    err = capsys.readouterr().err
    assert f"another iop-bot command (pid {os.getpid()})" in err
    assert "running bot" not in err and "control.sock" not in err
    assert main(["patient", "list"]) == 0  # and once it is free, the command runs
