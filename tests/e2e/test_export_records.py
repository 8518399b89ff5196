"""Exports as a records clerk reads them (newcomer14 N106): coded answers without labels, "counselor" without a
name, no "who acknowledged", one check-in at two clock times (/export in the patient's zone, `iop-bot export` in the
program's), and no enrollment status."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import pytest

from bot import texts
from bot.cli import main
from tests.conftest import COUNSELOR, HARD_DAY, KEY, Harness, check_in_with_note


@pytest.fixture(autouse=True)
def _env(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("SUDO_USER", "alice")


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


async def test_exports_label_codes_name_senders_and_acknowledgers_in_one_zone_with_the_status(
    bot: Harness, patient: int, tmp_path: Path
) -> None:
    svc = bot.services
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await check_in_with_note(bot, patient, "rough", HARD_DAY)  # sleep Poor, used Yes: an urgent alert
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_until(lambda: not svc.worker.call(svc.repo.open_alerts))
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "See you at group tonight")
    await bot.emu.wait_for_message(patient, contains="See you at group tonight")
    bot.emu.send_text(COUNSELOR, "/export Alex")
    doc = await bot.emu.wait_for_message(COUNSELOR, predicate=lambda m: m.kind == "document")
    thread = await bot.emu.wait_for_message(
        COUNSELOR, predicate=lambda m: m.kind == "document" and m is not doc
    )
    assert thread.file_bytes is not None
    (message,) = _csv(thread.file_bytes)
    assert (message["from"], message["counselor"]) == ("counselor", "Dana Rivera"), message
    assert doc.file_bytes is not None
    (row,) = _csv(doc.file_bytes)
    assert row["status"] == "active"
    assert (row["sleep"], row["sleep_label"], row["used"], row["used_label"]) == ("0", "Poor", "1", "Yes"), (
        row
    )
    assert row["time_zone"] == str(svc.settings.tz)

    out = tmp_path / "alex.csv"
    assert await asyncio.to_thread(main, ["export", "--patient", "Alex", "--out", str(out)]) == 0
    (cli,) = _csv(out.read_bytes())
    assert cli["recorded_at"] == row["recorded_at"], (cli, row)  # one event, one clock time

    record = tmp_path / "alex.json"
    assert await asyncio.to_thread(main, ["patient", "record", "Alex", "--out", str(record)]) == 0
    (acked,) = json.loads(record.read_text())["record"]["alerts"]
    assert acked["acknowledged by"] == "Dana Rivera", acked
