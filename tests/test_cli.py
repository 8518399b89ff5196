"""The admin CLI, run in-process against a temporary data dir."""

from __future__ import annotations

import asyncio
import getpass
from pathlib import Path

import pytest

from bot.cli import main
from bot.config.settings import load_settings
from bot.runtime import open_services
from tests.conftest import COUNSELOR, KEY, Harness


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    return tmp_path / "data"


def test_a_counselor_is_added_and_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["counselor", "add", "1001", "--name", "Dana Rivera"]) == 0
    assert main(["counselor", "list"]) == 0
    out = capsys.readouterr().out
    assert "Dana Rivera" in out and "1001" in out


def test_enroll_prints_the_code_as_its_last_line(capsys: pytest.CaptureFixture[str]) -> None:
    main(["counselor", "add", "1001", "--name", "Dana"])
    main(["cohort", "add", "Evening IOP"])
    assert main(["enroll", "--counselor", "1001", "--alias", "Alex", "--cohort", "Evening IOP"]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    assert len(code) == 8 and code.isalnum()
    main(["patient", "list"])
    listing = capsys.readouterr().out
    assert "Alex" in listing and "invited" in listing and "Evening IOP" in listing


def test_enroll_refuses_an_unknown_counselor_or_a_taken_alias(capsys: pytest.CaptureFixture[str]) -> None:
    main(["counselor", "add", "1001", "--name", "Dana"])
    assert main(["enroll", "--counselor", "999", "--alias", "Alex"]) == 1
    assert "no counselor" in capsys.readouterr().err
    main(["enroll", "--counselor", "1001", "--alias", "Alex"])
    assert main(["enroll", "--counselor", "1001", "--alias", "alex"]) == 1
    assert "already in use" in capsys.readouterr().err
    assert main(["enroll", "--counselor", "1001", "--alias", "../../x"]) == 1


def test_a_bad_setting_stops_with_one_line_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IOP_BOT_API_URL", "not a url")
    assert main(["patient", "list"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "IOP_BOT_API_URL" in err


def test_run_without_a_token_explains_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    assert "IOP_BOT_TOKEN" in capsys.readouterr().err


async def test_the_cli_works_while_the_bot_owns_the_data_dir(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    code = await asyncio.to_thread(main, ["enroll", "--counselor", str(COUNSELOR), "--alias", "Remy"])
    assert code == 0
    typed = capsys.readouterr().out.strip().splitlines()[-1]
    bot.emu.send_text(4001, f"/start {typed}")
    await bot.emu.wait_for_message(4001, contains="Do you agree")


async def test_a_second_bot_on_the_same_data_dir_refuses_to_start(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_BOT_TOKEN", bot.services.settings.bot_token)
    monkeypatch.setenv("IOP_BOT_API_URL", bot.services.settings.bot_api_url)
    assert await asyncio.to_thread(main, ["run"]) == 2
    assert "already using the data directory" in capsys.readouterr().err


def test_export_audit_and_discharge_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["counselor", "add", "1001", "--name", "Dana"])
    main(["cohort", "add", "Evening IOP"])
    main(["enroll", "--counselor", "1001", "--alias", "Alex", "--cohort", "Evening IOP"])
    assert main(["export", "--patient", "Alex"]) == 1  # invited, not enrolled yet
    capsys.readouterr()
    assert main(["export", "--cohort", "Nobody"]) == 1
    assert main(["audit"]) == 0
    log = capsys.readouterr().out
    assert "export" not in log  # refused: nothing was exported
    who = getpass.getuser()
    for action, shown in [
        ("admin_counselor_add", "Dana"),
        ("admin_cohort_add", "Evening IOP"),
        ("admin_enroll", "Alex"),
    ]:
        assert any(action in line and shown in line and who in line for line in log.splitlines()), (
            action,
            log,
        )
    assert main(["patient", "discharge", "Nobody"]) == 1


def test_cohorts_and_sessions_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    assert main(["cohort", "add", "Evening IOP"]) == 0
    assert main(["cohort", "add", "evening iop"]) == 1
    assert (
        main(["session", "add", "--cohort", "Evening IOP", "--weekdays", "mon,wed,thu", "--time", "18:00"])
        == 0
    )
    assert main(["session", "add", "--cohort", "Evening IOP", "--weekdays", "funday", "--time", "18:00"]) == 1
    capsys.readouterr()
    assert main(["session", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Evening IOP" in listing and "18:00" in listing
    # The zone named (newcomer14 N115: the program's times, a patient elsewhere reads another hour).
    assert "ZONE" in listing.splitlines()[0] and "/" in listing.splitlines()[1].split()[3], listing
    series_id = listing.splitlines()[1].split()[0]
    assert main(["session", "cancel", series_id]) == 0
    assert "Cancelled" in capsys.readouterr().out


def test_doctor_prints_one_line_per_finding_and_fails_on_an_open_data_dir(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["counselor", "add", "1001", "--name", "Dana", "--admin"])
    (data_dir.parent / "settings.toml").write_text("[alerts]\noncall = [1001]\n")
    monkeypatch.setenv("IOP_CONFIG", str(data_dir.parent / "settings.toml"))
    with open_services(load_settings()) as svc:  # Dana has opened the bot: an admin is reachable
        svc.worker.call(svc.repo.set_reach, 1001, "reachable", svc.now())
    assert main(["doctor"]) == 1  # healthy but for one thing: no backup yet
    assert capsys.readouterr().out.count("FAIL") == 1
    main(["backup", "--out", str(data_dir.parent / "backup.iopbak")])
    capsys.readouterr()
    main(["doctor"])
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("ok   data dir:") for line in lines)
    assert not any(line.startswith("FAIL data dir") for line in lines)
    data_dir.chmod(0o755)
    assert main(["doctor"]) == 1
    assert "FAIL data dir:" in capsys.readouterr().out


def test_a_command_where_no_program_is_says_where_it_looked_and_creates_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["patient", "list"], ["counselor", "list"], ["cohort", "add", "Evening IOP"]):
        assert main(command) == 2
        assert f"no program's data in {data_dir.resolve()}" in capsys.readouterr().err
    assert not data_dir.exists()
    assert main(["counselor", "add", "1001", "--name", "Dana", "--admin"]) == 0
    assert f"starting a new program in {data_dir.resolve()}" in capsys.readouterr().err
    assert main(["counselor", "list"]) == 0
    assert "starting a new program" not in capsys.readouterr().err


def test_run_in_a_directory_without_a_program_refuses_and_starts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bot started in the wrong directory would share the token with the real one: Telegram hands each
    update to one of them, so some patients' words would reach a program with nobody in it."""
    empty = tmp_path / "elsewhere"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", "elsewhere")  # relative: read from the current directory
    monkeypatch.setenv("IOP_BOT_TOKEN", "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert f"no program's data in {empty.resolve()}" in err and "counselor add" in err
    assert not (empty / "index.json").exists()
