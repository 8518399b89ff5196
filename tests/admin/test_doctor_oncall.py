"""`iop-bot doctor` on `[alerts] oncall`: an id that is no registered counselor is a FAIL, not "ok".

Found by trying the product as a new clinic would: `oncall = [42]` with no counselor 42 printed
"ok   on-call: 1 on-call counselor(s)", so escalation looked configured while it reached nobody.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config.settings import load_settings
from bot.runtime import open_services
from tests.conftest import KEY


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    (tmp_path / "settings.toml").write_text("")
    monkeypatch.setenv("IOP_CONFIG", str(tmp_path / "settings.toml"))
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    return tmp_path / "data"


def _oncall_lines(tmp_path: Path, oncall: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    (tmp_path / "settings.toml").write_text(f"[alerts]\noncall = {oncall}\n")
    capsys.readouterr()
    main(["doctor"])
    return [line for line in capsys.readouterr().out.splitlines() if "on-call:" in line]


def _started(telegram_id: int) -> None:
    """What the bot records when a counselor opens it and taps Start."""
    with open_services(load_settings(), role="cli") as svc:
        svc.repo.set_reach(telegram_id, "reachable", svc.now())


def test_an_oncall_id_that_is_no_counselor_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _started(1001)
    lines = _oncall_lines(tmp_path, "[1001, 42]", capsys)
    assert len(lines) == 1 and lines[0].startswith("FAIL on-call:"), lines
    assert "42" in lines[0] and "1001" not in lines[0]


def test_a_removed_counselor_left_on_call_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["counselor", "add", "1002", "--name", "Sam"]) == 0
    _started(1002)
    assert _oncall_lines(tmp_path, "[1002]", capsys)[0].startswith("ok   on-call:")
    assert main(["counselor", "remove", "1002"]) == 0
    assert _oncall_lines(tmp_path, "[1002]", capsys)[0].startswith("FAIL on-call:")


def test_registered_oncall_counselors_are_ok_once_they_started_the_bot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a newcomer: an on-call counselor who never opened the bot was "ok", yet unreachable.
    before = _oncall_lines(tmp_path, "[1001]", capsys)
    assert before[0] == "ok   on-call: 1 on-call counselor(s): Dana" and len(before) == 2, before
    assert before[1].startswith("FAIL on-call: Dana (1001) is on call and is pending"), before
    _started(1001)
    assert _oncall_lines(tmp_path, "[1001]", capsys) == ["ok   on-call: 1 on-call counselor(s): Dana"]


def test_a_removed_on_call_counselor_is_said_as_the_bot_does_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer11 O19: the bot told the admin "unacknowledged urgent alerts now escalate to the admins (you)",
    and doctor said "alerts escalated to them reach nobody"."""
    assert main(["counselor", "add", "1001", "--name", "Dana", "--admin"]) == 0
    assert main(["counselor", "add", "1002", "--name", "Sam"]) == 0
    assert main(["counselor", "remove", "1002"]) == 0
    [line] = _oncall_lines(tmp_path, "[1002]", capsys)
    assert line.startswith("FAIL on-call:") and "Sam" in line and "removed" in line, line
    assert "escalate to the admins (Dana)" in line and "reach nobody" not in line, line
    assert main(["counselor", "add", "1003", "--name", "Chris"]) == 0
    _started(1003)
    lines = _oncall_lines(tmp_path, "[1002, 1003]", capsys)  # someone else is still on the list
    assert lines[0].startswith("ok   on-call:") and lines[1].startswith("note on-call:"), lines
    assert "Sam" in lines[1] and "skips" in lines[1], lines


def test_an_on_call_id_that_is_a_patients_is_named_as_that_patient(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer11 O19: `oncall = [6001]`, a patient's id (an easy copy slip), was "not a registered counselor"."""
    from datetime import UTC, datetime

    from tests.store.test_repository import invitation

    with open_services(load_settings(), role="cli") as svc:
        code = invitation("Alex", "ABCDEFGH")
        svc.repo.add_code(code)
        svc.repo.enroll(code, 6001, datetime(2026, 11, 1, tzinfo=UTC))
    [line] = _oncall_lines(tmp_path, "[6001]", capsys)
    # ops O89 (b): was "oncall names 6001 is patient Alex, not a registered counselor"
    assert line.startswith("FAIL on-call:") and "names 6001 (patient Alex's Telegram id), not a" in line, line


def test_a_removed_counselor_in_a_longer_on_call_list_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O89 (a): with `oncall = [5002, 5004]` and 5002 removed, doctor said nothing of 5002."""
    for who, name in ((1002, "Sam"), (1004, "Casey")):
        assert main(["counselor", "add", str(who), "--name", name]) == 0
        _started(who)
    assert main(["counselor", "remove", "1002"]) == 0
    lines = _oncall_lines(tmp_path, "[1002, 1004]", capsys)
    assert any(line.startswith("note on-call:") and "1002 (Sam)" in line for line in lines), lines
    assert any(line.startswith("ok   on-call: 1 on-call counselor(s): Casey") for line in lines), lines
