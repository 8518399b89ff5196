"""After a patient comes back under a new alias, the records still know the old one (newcomer14 N114): export
and audit by the first alias said "no patient", and Monday's rows read the alias he only had from Tuesday."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot import texts
from bot.cli import main
from tests.conftest import COUNSELOR, KEY, Harness, check_in_with_note, enrolled_code


@pytest.fixture(autouse=True)
def _env(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("SUDO_USER", "alice")


async def _back_as(bot: Harness, patient: int, alias: str) -> None:
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    code = enrolled_code(bot.services, alias)
    bot.emu.send_text(patient, f"/start {code}")
    consent = await bot.emu.wait_for_message(patient, contains="Do you agree")
    bot.emu.press_button(patient, consent, texts.BTN_AGREE)
    await bot.emu.wait_for_message(patient, contains="time zone")


async def test_the_old_alias_finds_the_records_and_past_rows_keep_it(
    bot: Harness, patient: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await check_in_with_note(bot, patient, "before", ("6", "2", "OK", "Yes", "No"))
    await _back_as(bot, patient, "Alex B")
    capsys.readouterr()

    out = tmp_path / "alex.csv"
    assert await asyncio.to_thread(main, ["export", "--patient", "Alex", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "former alias of Alex B" in err, err
    (row,) = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert row.startswith("Alex,"), row  # the check-in was made as Alex

    assert await asyncio.to_thread(main, ["audit", "--patient", "Alex"]) == 0
    captured = capsys.readouterr()
    assert "former alias of Alex B" in captured.err
    lines = captured.out.splitlines()
    (first,) = [line for line in lines if "consent_withdrawn" in line]
    assert first.rstrip().endswith("Alex"), first  # the /stop under the alias of the time
    (again,) = [line for line in lines if "alias_before=Alex" in line]
    assert "Alex B" in again, again

    record = tmp_path / "alex.json"
    assert await asyncio.to_thread(main, ["patient", "record", "Alex", "--out", str(record)]) == 0
    document = json.loads(record.read_text())
    assert document["patient"] == "Alex B" and document["former aliases"][0]["alias"] == "Alex"
