"""`iop-bot doctor` reports the inbox: unreadable lines, updates waiting too long, deafness alarms."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from bot.admin.doctor import run_checks
from bot.admin.doctor_inbox import inbox_check
from bot.config.settings import Settings
from bot.store.crypto import FernetCodec, keygen
from bot.store.inbox import Inbox

KEY = keygen()


def _settings(tmp_path: Path) -> Settings:
    return Settings(bot_token="1:x", data_dir=tmp_path, data_keys=(KEY,))


def _lines(settings: Settings) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_checks(settings, out, [inbox_check])
    return code, out.getvalue().splitlines()


def test_a_healthy_inbox_is_one_ok_line(tmp_path: Path) -> None:
    box = Inbox(tmp_path / "inbox.log", FernetCodec([KEY]))
    box.receive("a", {"update_id": 1})
    box.finish("a")
    box.close()
    code, lines = _lines(_settings(tmp_path))
    assert code == 0 and len(lines) == 1 and lines[0].startswith("ok   inbox:")


def test_an_update_waiting_long_a_wrong_key_and_a_write_failure_each_fail(tmp_path: Path) -> None:
    box = Inbox(tmp_path / "inbox.log", FernetCodec([KEY]), clock=lambda: 1000.0)  # received long ago
    box.receive("a", {"update_id": 1})
    box.close()
    code, lines = _lines(_settings(tmp_path))
    assert code == 1 and any("1 update(s) received but not handled" in line for line in lines)

    code, lines = _lines(Settings(bot_token="1:x", data_dir=tmp_path, data_keys=(keygen(),)))
    assert code == 1 and any("unreadable line(s)" in line and "inbox.log" in line for line in lines)

    box = Inbox(tmp_path / "inbox.log", FernetCodec([KEY]))
    box.finish("a")
    box.alarm("write_failed", 1, 3600)
    box.close()
    full = "the disk holding it is full"  # still unwritable: a FAIL naming why
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("bot.admin.doctor_inbox.unwritable", lambda data_dir: full)
        code, lines = _lines(_settings(tmp_path))
    assert code == 1 and any(
        line.startswith("FAIL") and f"could not be saved ({full})" in line for line in lines
    )


def test_a_write_failure_is_a_past_event_once_the_data_dir_is_writable_again(tmp_path: Path) -> None:
    # ops O13: after a disk full for a minute, doctor FAILed on the inbox for 24 hours with nothing to repair.
    box = Inbox(tmp_path / "inbox.log", FernetCodec([KEY]))
    box.alarm("write_failed", 1, 3600)
    box.close()
    code, lines = _lines(_settings(tmp_path))
    (line,) = [x for x in lines if "could not be saved" in x]
    assert code == 0 and line.startswith("note inbox: ") and "writable again" in line
    assert "shown until " in line and line.count(" UTC") == 2


def test_an_inbox_readable_by_others_fails(tmp_path: Path) -> None:
    Inbox(tmp_path / "inbox.log", None).close()
    os.chmod(tmp_path / "inbox.log", 0o644)
    code, lines = _lines(_settings(tmp_path))
    assert code == 1 and "chmod 600" in lines[0]


def test_doctor_runs_the_inbox_check(tmp_path: Path) -> None:
    from bot.admin.doctor import all_checks

    assert inbox_check in all_checks()
