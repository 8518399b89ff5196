"""After restoring an older backup as the live program nobody was told (ops O94): the admins heard nothing,
/caseload showed the backup's alerts as open for days, doctor and the log said nothing. Now the first start on a
restored data dir tells the admins (what date the data is from, what is gone) and every counselor (their view is
from then), once, with an audit row, and doctor notes the restore for a week."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import texts
from bot.admin.doctor_data import backup_check
from bot.admin.doctor_restored import restored_check
from bot.cli import main
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, KEY, PATIENT, bot_running, enroll_patient, say_hello
from tests.e2e.test_outage_told import CRISIS

RAE = 1002
ADMIN_SAYS = "now runs on a backup taken"
COUNSELOR_SAYS = "restored from a backup taken"


async def test_the_first_start_on_a_restored_backup_tells_the_team_once(
    settings: Settings,
    emulator: BotApiEmulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    emulator.add_user(RAE, first_name="Rae")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim", role="admin"))
        await say_hello(emulator, RAE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("IOP_DATA_DIR", str(settings.data_dir))
    backup = tmp_path / "nightly.iopbak"
    assert await asyncio.to_thread(main, ["backup", "--out", str(backup)]) == 0
    live = dataclasses.replace(settings, data_dir=tmp_path / "restored")
    monkeypatch.setenv("IOP_DATA_DIR", str(live.data_dir))
    assert await asyncio.to_thread(main, ["restore", str(backup)]) == 0
    (before,) = restored_check(live)
    assert before.note and "has not started on it yet" in before.message, before.message
    (backup_line,) = backup_check(live)
    assert "no backup taken since this data dir was restored" in backup_line.message  # ops O106

    with caplog.at_level(logging.WARNING, logger="bot.jobs.restored"):
        async with bot_running(live, emulator) as bot:
            svc = bot.services
            admin = await emulator.wait_for_message(RAE, contains=ADMIN_SAYS)
            assert "must be invited again" in admin.text, admin.text
            await emulator.wait_for_message(COUNSELOR, contains=COUNSELOR_SAYS)
            (row,) = [
                r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "restored_program_started"
            ]
            assert row["file"] == str(backup)
    assert "restored from a backup taken" in caplog.text
    async with bot_running(live, emulator):  # a later start: the start's notices go before it takes updates
        pass
    assert len([m for m in emulator.sent_to(RAE) if ADMIN_SAYS in m.text]) == 1
    assert len([m for m in emulator.sent_to(COUNSELOR) if COUNSELOR_SAYS in m.text]) == 1
    (after,) = restored_check(live)
    assert "were told in Telegram" in after.message and "Shown until" in after.message
    assert not list(restored_check(live, datetime.now(UTC) + timedelta(days=8)))  # a week, then no line
    assert not list(restored_check(settings))  # the original data dir was never restored


async def test_a_card_for_an_alert_raised_after_the_backup_says_it_is_not_in_the_records(
    settings: Settings, emulator: BotApiEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O104: Dana's card for Blake's crisis, raised after the last backup, answered "This alert isn't for you."
    after the restore, as if a colleague had it; nobody has it any more."""
    async with bot_running(settings, emulator) as bot:
        await enroll_patient(bot, PATIENT, "Blake", first_name="Blake")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("IOP_DATA_DIR", str(settings.data_dir))
    backup = tmp_path / "nightly.iopbak"
    assert await asyncio.to_thread(main, ["backup", "--out", str(backup)]) == 0
    async with bot_running(settings, emulator) as bot:
        emulator.send_text(PATIENT, CRISIS)
        card = await emulator.wait_for_message(COUNSELOR, contains="Urgent")
    live = dataclasses.replace(settings, data_dir=tmp_path / "restored")
    monkeypatch.setenv("IOP_DATA_DIR", str(live.data_dir))
    assert await asyncio.to_thread(main, ["restore", str(backup)]) == 0
    async with bot_running(live, emulator) as bot:
        emulator.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
        await emulator.wait_until(
            lambda: (emulator.last_callback_answer(COUNSELOR) or {}).get("text") is not None
        )
        said = (emulator.last_callback_answer(COUNSELOR) or {})["text"]
    assert "not in the bot's records" in said and "restored from a backup taken" in said, said
    assert texts.ALERT_NOT_YOURS not in said
