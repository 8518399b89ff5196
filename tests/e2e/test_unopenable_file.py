"""A patient's file the system will not read (EIO from a failing disk, a permission a restore left wrong) is
a file that cannot be opened, never an error that stops the crisis answer (audit).

Only a file that reads but does not decrypt or parse was refused kindly. An OSError on reading it escaped the
crisis screen, so crisis words got "Sorry, something went wrong" and paged nobody; and the start-up check of
every patient's file, a task nobody awaited, died on it without a word, so nobody was told either.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from tests.conftest import COUNSELOR, PATIENT, bot_running, check_in_with_note, enroll_patient
from tests.e2e.test_crisis import CRISIS


@pytest.fixture
async def unreadable(settings: Settings, emulator: BotApiEmulator) -> AsyncIterator[Path]:
    """Sam, enrolled, whose file then reads as an OSError (a directory where it was)."""
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Sam")
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.unlink()
    shard.mkdir()  # reading it raises IsADirectoryError, as EIO or EACCES would raise their OSError
    yield shard
    shutil.rmtree(shard)


async def test_crisis_words_from_a_patient_whose_file_cannot_be_read_still_page(
    settings: Settings, emulator: BotApiEmulator, unreadable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.runtime.patient_problems", lambda *_: {})  # the crisis comes before that check
    async with bot_running(settings, emulator):
        emulator.send_text(PATIENT, CRISIS)
        answer = await emulator.wait_for_message(PATIENT, contains="988")
        await emulator.wait_for_message(COUNSELOR, contains="Urgent")
        assert "went wrong" not in answer.text


async def test_the_start_up_check_names_a_file_that_cannot_be_read(
    settings: Settings, emulator: BotApiEmulator, unreadable: Path
) -> None:
    async with bot_running(settings, emulator):
        told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        assert "Sam" in told.text


async def test_a_planted_file_of_no_patient_is_logged_as_that_not_as_a_patient_told(
    settings: Settings, emulator: BotApiEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """newcomer13 O46: a plaintext patients/pfeedfeed0001.json (no such patient) was logged as "that patient is
    told their records can't be opened, and their counselor is alerted" and "counselors alerted": nobody was."""
    async with bot_running(settings, emulator) as bot:
        await enroll_patient(bot, PATIENT, "Sam")
    planted = settings.data_dir / "patients" / "pfeedfeed0001.json"
    planted.parent.mkdir(exist_ok=True, mode=0o700)
    planted.write_text('{"mallory": true}')
    planted.chmod(0o600)
    async with bot_running(settings, emulator) as bot:
        await bot.emu.wait_until(lambda: "belong to no patient" in caplog.text, 20)
    said = [r.getMessage() for r in caplog.records if "pfeedfeed0001" in r.getMessage()]
    assert said and not [m for m in said if "counselor is alerted" in m or "counselors alerted" in m], said
    assert any("belongs to no patient" in m for m in said), said
