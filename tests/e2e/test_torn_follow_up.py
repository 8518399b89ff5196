"""Words after a crisis alert from a patient whose file is torn (ops O43, P1: they reached nobody, and the
patient read "your counselor has been told" as if their message had been passed on)."""

from __future__ import annotations

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from tests.conftest import COUNSELOR, PATIENT, bot_running, check_in_with_note, enroll_patient
from tests.e2e.test_crisis import CRISIS


async def test_follow_up_words_of_a_patient_whose_file_is_torn_reach_a_person_and_are_told_truly(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Load8")
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])  # torn, as by a failing disk

    async with bot_running(settings, emulator) as bot:
        told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        emulator.send_text(PATIENT, CRISIS)
        await emulator.wait_for_message(PATIENT, contains="988")
        alert = await emulator.wait_for_message(COUNSELOR, contains="Urgent", after=told.message_id)
        await emulator.settle()
        emulator.send_text(PATIENT, "ok i called my sponsor, i am waiting for her at home")
        words = await emulator.wait_for_message(COUNSELOR, contains="could not keep", after=alert.message_id)
        assert "Load8" in words.text and "reach them directly" in words.text
        assert "records can't be opened" in words.text
        answer = await emulator.wait_for_message(PATIENT, contains="couldn't keep this message")
        assert "let your care team know you wrote" in answer.text and "988" in answer.text
