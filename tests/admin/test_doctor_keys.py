"""A wrong or missing data key is told as such: never "accept its loss" or "generate a key" for data the
right key still opens (an operator who follows that advice throws the data away)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.admin.doctor import Finding, run_checks
from bot.admin.roster import AdminError
from bot.cli import main
from bot.config.settings import Settings
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository
from tests.store.test_fail_closed import KEY, NOW, _fill, _snapshot

KEY_FIRST = (
    "check that IOP_DATA_KEY is the key this data was written with (after a rotation, the new key; for data from "
    "a backup taken before one, the old key)"
)


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    return tmp_path / "data"


def _fill_with_audit(data_dir: Path) -> None:
    """A data dir as a running program has it: records, and an audit log beside them."""
    pid = _fill(data_dir)
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    repo.audit(NOW, 1001, "notes_viewed", pid)
    repo.close()


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("key", ["wrong", "unset"])
def test_a_wrong_or_missing_key_is_the_first_advice_not_quarantine_or_keygen(
    cli_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    _fill_with_audit(cli_env)
    before = _snapshot(cli_env)
    if key == "wrong":
        monkeypatch.setenv("IOP_DATA_KEY", keygen())
    else:
        monkeypatch.delenv("IOP_DATA_KEY")
    code, doctor = _run(["doctor"], capsys)
    assert code == 1 and "IOP_DATA_KEY is" in doctor, doctor
    for misleading in ("--quarantine", "accept its loss", "keygen", "restore"):
        assert misleading not in doctor, doctor
    assert key == "unset" or KEY_FIRST in doctor
    code, listing = _run(["counselor", "list"], capsys)
    assert code == 2 and "IOP_DATA_KEY" in listing and "new key" in listing, listing
    assert "--quarantine" not in listing and "keygen" not in listing, listing
    assert _snapshot(cli_env) == before


def test_after_a_rotation_with_the_old_key_still_set_the_advice_is_the_new_key(
    cli_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(cli_env)
    monkeypatch.setenv("IOP_NEW_DATA_KEY", keygen())
    assert main(["rotate-key"]) == 0
    capsys.readouterr()
    code, listing = _run(["counselor", "list"], capsys)  # IOP_DATA_KEY is still the old key
    assert code == 2 and KEY_FIRST in listing and "--quarantine" not in listing, listing
    code, doctor = _run(["doctor"], capsys)
    assert code == 1 and KEY_FIRST in doctor and "--quarantine" not in doctor, doctor


def test_doctor_on_a_new_program_without_a_key_says_to_make_one(
    cli_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("IOP_DATA_KEY")
    code, doctor = _run(["doctor"], capsys)
    assert code == 1 and "FAIL data key: IOP_DATA_KEY is not set" in doctor and "iop-bot keygen" in doctor


def test_a_torn_index_is_not_blamed_on_the_key(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ops O100: with index.json cut to 100 bytes and the right key, the closed alerts and inbox lines said "not
    checked: IOP_DATA_KEY does not open this data", though every other file opened."""
    _fill_with_audit(cli_env)
    index = cli_env / "index.json"
    index.write_bytes(index.read_bytes()[:100])
    code, doctor = _run(["doctor"], capsys)
    assert code == 1 and "index.json: torn or damaged" in doctor, doctor
    assert "does not open this data" not in doctor, doctor


def test_the_checks_that_cannot_run_say_so_in_their_own_words(
    cli_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O112: with the key from before a rotation, "FAIL reach_check: could not run: refusing to start,
    nothing was changed: ..." (and alerts_check, digest_check, retention_check), the whole key advice each time."""
    _fill(cli_env)
    monkeypatch.setenv("IOP_NEW_DATA_KEY", keygen())
    assert main(["rotate-key"]) == 0
    capsys.readouterr()
    code, doctor = _run(["doctor"], capsys)  # IOP_DATA_KEY is still the old key
    assert code == 1 and "reach_check" not in doctor and "refusing to start" not in doctor, doctor
    assert "FAIL reach: not checked: IOP_DATA_KEY does not open this data (see 'files')" in doctor, doctor


def test_a_running_bot_that_does_not_answer_is_waited_for_once(tmp_path: Path) -> None:
    """Ops O112: with the bot hung, plain doctor took 2 min 3 s, four 30-s timeouts in a row."""
    asked: list[str] = []

    def reach_check(settings: Settings) -> list[Finding]:
        asked.append("reach")
        raise AdminError(
            "the running bot did not answer on x/control.sock (timed out); it may still carry this out"
        )

    def alerts_check(settings: Settings) -> list[Finding]:
        asked.append("alerts")
        return []

    out = io.StringIO()
    assert run_checks(Settings(data_dir=tmp_path, data_keys=(KEY,)), out, [reach_check, alerts_check]) == 1
    assert asked == ["reach"], asked
    assert "FAIL alerts: not checked: the running bot did not answer" in out.getvalue(), out.getvalue()
