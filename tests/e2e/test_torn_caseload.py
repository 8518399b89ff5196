"""One patient's torn file never hides the counselor's other patients (audit).

The caseload and the daily digest read every patient's check-ins and flags; a torn file raised, so /caseload
answered the counselor with the patient's "I can't open your records" and the digest, claimed before it was
composed, was lost every day without a word while the file stayed torn. Now that patient's line says their
records can't be opened, and everyone else is there as usual.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.jobs import digest
from tests.conftest import COUNSELOR, PATIENT, bot_running, check_in_with_note, enroll_patient

OTHER = 2002
NY = ZoneInfo("America/New_York")
CANT_OPEN = "records can't be opened"


async def _torn_sam(settings: Settings, emulator: BotApiEmulator) -> None:
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Sam")
        await enroll_patient(bot, OTHER, "Robin")
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])  # torn, as by a failing disk


async def test_the_caseload_lists_everyone_and_says_whose_records_cannot_be_opened(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    await _torn_sam(settings, emulator)
    async with bot_running(settings, emulator):
        told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        emulator.send_text(COUNSELOR, "/caseload")
        screen = await emulator.wait_for_message(COUNSELOR, contains="Your caseload", after=told.message_id)
    assert "Robin" in screen.text and "Sam" in screen.text and CANT_OPEN in screen.text


async def test_the_daily_digest_still_comes_and_says_whose_records_cannot_be_opened(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    await _torn_sam(settings, emulator)
    today = datetime.now(NY).date() + timedelta(days=1)
    async with bot_running(settings, emulator) as bot:
        with time_machine.travel(datetime.combine(today, time(6), tzinfo=NY), tick=True):
            told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
            emulator.send_text(COUNSELOR, "/digest 7:30am")
            await emulator.wait_for_message(COUNSELOR, contains="Daily digest set for", after=told.message_id)
        with time_machine.travel(datetime.combine(today, time(7, 30, 5), tzinfo=NY), tick=True):
            await digest.sweep(bot.app)
            daily = await emulator.wait_for_message(COUNSELOR, contains="Daily digest:")
    assert "Sam" in daily.text and CANT_OPEN in daily.text


async def test_the_counselor_opening_that_patient_reads_what_it_means_for_them(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """Not the patient's "I can't open your records … your counselor has been told" (audit)."""
    await _torn_sam(settings, emulator)
    async with bot_running(settings, emulator):
        told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        emulator.send_text(COUNSELOR, "/caseload")
        screen = await emulator.wait_for_message(COUNSELOR, contains="Your caseload", after=told.message_id)
        emulator.press_button(COUNSELOR, screen, "Sam")
        answer = await emulator.wait_for_message(COUNSELOR, after=screen.message_id)
    assert "The records of Sam can't be opened" in answer.text, answer.text
    assert "your counselor" not in answer.text
