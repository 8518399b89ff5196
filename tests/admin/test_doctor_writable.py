"""An unwritable data dir (read-only mount, `chattr +i`, another owner): doctor FAILs, `run` refuses in one line.

newcomer6 finding 19: doctor said "ok data dir" and `iop-bot run` took updates it could not store, then
died in eight tracebacks (a restart loop under systemd). The tests run as root, where permissions do not
stop a write, so the probe's write is made to fail the way the kernel fails it on such a folder.
"""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest

from bot.admin import doctor_writable
from bot.cli import main
from tests.conftest import COUNSELOR, KEY

TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    assert main(["counselor", "add", str(COUNSELOR), "--name", "Dana"]) == 0
    (tmp_path / "data" / "patients").mkdir(exist_ok=True, mode=0o700)
    return tmp_path / "data"


def _refuse_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = doctor_writable._write_probe

    def probe(path: Path) -> None:
        if path.parent == folder:
            raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
        real(path)

    monkeypatch.setattr(doctor_writable, "_write_probe", probe)


def _doctor(capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    main(["doctor"])
    return [line for line in capsys.readouterr().out.splitlines() if "writable:" in line]


@pytest.mark.parametrize("sub", ["", "patients"])
def test_doctor_fails_on_a_folder_it_cannot_write_in(
    data_dir: Path, sub: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_dir / sub if sub else data_dir
    _refuse_writes_in(folder, monkeypatch)
    lines = _doctor(capsys)
    assert len(lines) == 1 and lines[0].startswith("FAIL writable:"), lines
    assert f"data dir {folder} is not writable by this user" in lines[0]


def test_doctor_says_ok_and_leaves_no_probe_behind(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(data_dir.rglob("*"))
    lines = _doctor(capsys)
    assert len(lines) == 1 and lines[0].startswith("ok   writable:"), lines
    assert sorted(data_dir.rglob("*")) == before


def test_run_refuses_in_one_line_before_taking_updates(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("IOP_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("IOP_BOT_API_URL", f"http://127.0.0.1:{port}/bot")  # never reached
    _refuse_writes_in(data_dir / "patients", monkeypatch)
    capsys.readouterr()
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err, err
    assert f"data dir {data_dir / 'patients'} is not writable by this user" in err


def test_a_probe_swept_by_a_starting_bot_is_still_a_write(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """newcomer8 N6: `doctor` while the bot started: the bot's sweep of temp-marked files removed the probe
    between its fsync and its removal, and doctor said the data dir was "not writable"."""
    import os

    real_fsync = os.fsync

    def swept(fd: int) -> None:
        real_fsync(fd)
        for probe in data_dir.rglob(".doctor-probe*"):
            probe.unlink()  # what bot/store/files.py's start-up sweep does to a temp-marked file

    monkeypatch.setattr(os, "fsync", swept)
    assert doctor_writable.unwritable(data_dir) is None


def test_a_full_disk_is_named_and_the_probe_is_removed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """newcomer11 O6: on a full disk doctor gave permission advice and left its empty probe behind, which the
    next doctor called a foreign file."""
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    problem = doctor_writable.unwritable(data_dir)
    monkeypatch.setattr(os, "write", real_write)
    assert problem is not None and "is full" in problem and "free space" in problem, problem
    assert not list(data_dir.glob(".doctor-probe*")), list(data_dir.iterdir())


def test_run_waits_out_a_full_disk_instead_of_refusing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """newcomer11 O29: a full disk at start was exit 2, which leaves the systemd unit stopped for good; after the
    space was freed, crisis words still waited for a person to start it. Now it waits, loudly, then starts."""
    from bot.config.settings import load_settings

    full = f"{doctor_writable.DISK_FULL} {data_dir} is full (No space left on device)"
    looks = iter([full, full, None])
    monkeypatch.setattr(doctor_writable, "unwritable", lambda _: next(looks))
    told: list[str] = []

    def tell(_: object, text: str) -> int:
        told.append(text)
        return 1

    monkeypatch.setattr(doctor_writable, "tell_admins", tell)
    monkeypatch.setattr(doctor_writable, "FULL_TOLD_EVERY", 0.0)  # every look logs; Telegram hears once
    waits: list[float] = []
    pings: list[str] = []
    monkeypatch.setattr(doctor_writable, "notify", pings.append)
    doctor_writable.refuse_unwritable(load_settings(), wait=waits.append)
    assert waits == [doctor_writable.FULL_LOOK_EVERY] * 2
    assert pings == ["WATCHDOG=1"] * 2  # waiting on purpose: systemd's watchdog (ops O54) must not restart it
    assert len(told) == 1 and "not running" in told[0]
    assert any("not starting yet" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)


def test_run_still_refuses_a_data_dir_it_may_not_write(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config.settings import SettingsError, load_settings

    monkeypatch.setattr(doctor_writable, "unwritable", lambda _: "data dir is not writable by this user")
    with pytest.raises(SettingsError):
        doctor_writable.refuse_unwritable(load_settings(), wait=lambda _: None)


def test_the_admins_to_tell_are_read_from_the_index(data_dir: Path) -> None:
    from bot.admin.down_notice import admin_ids as admins
    from bot.config.settings import load_settings

    assert admins(load_settings()) == []  # the fixture's counselor is no admin
    assert main(["counselor", "add", "1009", "--name", "Ada", "--admin"]) == 0
    assert admins(load_settings()) == [1009]


def test_doctor_on_a_read_only_data_dir_skips_the_checks_that_take_its_lock_at_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer11 O26: on a read-only mount doctor printed "held by process unusable; waited 60 s" three times
    (reach, alerts, digests), minutes of waiting for a lock no process held."""
    import time

    from bot.admin import client

    _refuse_writes_in(data_dir, monkeypatch)
    real_open = os.open

    def read_only_open(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", read_only_open)  # the lock file, as a read-only mount refuses it
    monkeypatch.setattr(client, "LOCK_WAIT_SECONDS", 3.0)  # the real 60 s, made short for a red test
    capsys.readouterr()
    started = time.monotonic()
    main(["doctor"])
    took = time.monotonic() - started
    out = capsys.readouterr().out
    assert "held by" not in out and "waited" not in out, out
    skipped = [line for line in out.splitlines() if "not checked" in line and "cannot be written" in line]
    assert len(skipped) >= 3, out
    assert took < 2.5, took
