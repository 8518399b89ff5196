"""`iop-bot counselor set-pin`, run in-process against a temporary data dir."""

from __future__ import annotations

import asyncio
import getpass
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.config.settings import load_settings
from bot.domain import pin
from bot.runtime import open_services
from bot.store.pin_data import PinRecord
from tests.conftest import COUNSELOR, KEY, Harness

PIN = "246810"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    return tmp_path / "data"


@pytest.fixture
def counselor() -> Iterator[int]:
    assert main(["counselor", "add", str(COUNSELOR), "--name", "Dana Rivera"]) == 0
    yield COUNSELOR


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def _record(telegram_id: int = COUNSELOR) -> PinRecord | None:
    with open_services(load_settings()) as services:
        return services.worker.call(services.repo.counselor_pin, telegram_id)


def test_set_pin_reads_stdin_and_stores_only_a_salted_hash(
    counselor: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    _typed(monkeypatch, PIN + "\n")
    assert main(["counselor", "set-pin", "--counselor", str(counselor)]) == 0
    out = capsys.readouterr().out
    assert "PIN set for Dana Rivera" in out and PIN not in out
    record = _record()
    assert record is not None and pin.matches(PIN, record.pin_hash)
    assert all(PIN.encode() not in f.read_bytes() for f in data_dir.rglob("*") if f.is_file())
    assert main(["audit"]) == 0
    assert "counselor_pin_set" in capsys.readouterr().out


def test_at_a_terminal_the_pin_is_typed_twice_without_echo(
    counselor: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal())
    answers = iter([PIN, "135790"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert main(["counselor", "set-pin", "--counselor", str(counselor)]) == 1
    assert "differ" in capsys.readouterr().err and _record() is None
    answers = iter([PIN, PIN])
    assert main(["counselor", "set-pin", "--counselor", str(counselor)]) == 0
    record = _record()
    assert record is not None and pin.matches(PIN, record.pin_hash)


@pytest.mark.parametrize("typed", ["", "1234", "12ab56", "1234567890123"])
def test_a_pin_that_is_not_six_to_twelve_digits_is_refused(
    typed: str, counselor: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _typed(monkeypatch, typed + "\n")
    assert main(["counselor", "set-pin", "--counselor", str(counselor)]) == 1
    assert "6 to 12 digits" in capsys.readouterr().err
    assert _record() is None


def test_set_pin_refuses_someone_who_is_not_a_counselor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["counselor", "add", "1001", "--name", "Dana"])
    _typed(monkeypatch, PIN + "\n")
    assert main(["counselor", "set-pin", "--counselor", "999"]) == 1
    assert "no counselor" in capsys.readouterr().err


def test_a_new_pin_lifts_a_lockout(counselor: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _typed(monkeypatch, PIN + "\n")
    main(["counselor", "set-pin", "--counselor", str(counselor)])
    with open_services(load_settings()) as services:
        locked = pin.UnlockState(failures=0, locked_until=services.now() + pin.Policy().lockout)
        services.worker.call(services.repo.save_unlock_state, counselor, locked)
    _typed(monkeypatch, "135790\n")
    assert main(["counselor", "set-pin", "--counselor", str(counselor)]) == 0
    record = _record()
    assert record is not None and record.state == pin.UnlockState()
    assert pin.matches("135790", record.pin_hash) and not pin.matches(PIN, record.pin_hash)


async def test_set_pin_works_while_the_bot_owns_the_data_dir(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    _typed(monkeypatch, PIN + "\n")
    assert await asyncio.to_thread(main, ["counselor", "set-pin", "--counselor", str(COUNSELOR)]) == 0
    record = bot.services.worker.call(bot.services.repo.counselor_pin, COUNSELOR)
    assert record is not None and pin.matches(PIN, record.pin_hash)


def test_set_pin_takes_the_counselors_name_as_enroll_does(
    counselor: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer8 N13: `--counselor "Dana Rivera"` was refused as "invalid int value"."""
    _typed(monkeypatch, PIN + "\n")
    assert main(["counselor", "set-pin", "--counselor", "Dana Rivera"]) == 0
    assert "PIN set for Dana Rivera" in capsys.readouterr().out
    record = _record()
    assert record is not None and pin.matches(PIN, record.pin_hash)
