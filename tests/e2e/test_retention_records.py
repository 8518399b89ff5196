"""After a retention erasure the records say so (newcomer14 N116): the caseload read "last check-in never", the
export was a header-only file and the record said nothing, so a records clerk read "never checked in" or "no
records"; the record's open non-urgent alert was said to keep escalating."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.config.settings import Settings
from bot.domain.escalation import new_alert
from bot.jobs import retention
from tests.conftest import COUNSELOR, KEY, Harness, check_in_with_note

DAYS = 3


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, retention_days=DAYS)


@pytest.fixture(autouse=True)
def _env(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("SUDO_USER", "alice")


async def test_a_retention_erasure_is_said_on_the_caseload_the_export_and_the_record(
    bot: Harness, patient: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svc = bot.services
    await check_in_with_note(bot, patient, "slept badly", ("6", "2", "OK", "Yes", "No"))

    def left_long_ago() -> str:
        alex = svc.repo.patient_by_alias("Alex")
        assert alex is not None
        left = svc.now() - timedelta(days=DAYS + 1)  # withdrew (/stop) days ago
        svc.repo.save_patient(alex.with_changes(status="withdrawn", status_changed_at=left))
        svc.repo.add_alert(new_alert("relapse", alex.patient_id, COUNSELOR, svc.now()))
        return alex.patient_id

    pid = svc.worker.call(left_long_ago)
    assert await retention.sweep(bot.app) == [pid]
    day = svc.now().astimezone(svc.settings.tz)
    said = f"data erased by the retention rule on {day:%a} {day.day} {day:%b}"

    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    assert said in screen.text and "never" not in screen.text, screen.text
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="gone")
    assert said.capitalize() in page.text, page.text

    capsys.readouterr()
    out = tmp_path / "alex.csv"
    assert await asyncio.to_thread(main, ["export", "--patient", "Alex", "--out", str(out)]) == 0
    assert f"Alex: {said}" in capsys.readouterr().err

    record = tmp_path / "alex.json"
    assert await asyncio.to_thread(main, ["patient", "record", "Alex", "--out", str(record)]) == 0
    document = json.loads(record.read_text())
    assert document["erased"] == said, document["erased"]
    assert not [line for line in document["open_now"] if "escalating" in line], document["open_now"]
