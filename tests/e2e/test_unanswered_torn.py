"""An alert past its last reminder tells its patient "not answered yet" though their file is torn (audit).

The word reads the patient's thread (has a counselor written since?), which raised for a torn file: the sweep
stopped there every 30 seconds, so neither that patient nor any patient after them in the sweep was told.
"""

from __future__ import annotations

import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, PATIENT, bot_running, check_in_with_note, enroll_patient
from tests.e2e.test_unanswered import NOT_YET, _past_last_round

OTHER = 2002


async def test_a_torn_file_never_keeps_the_not_answered_word_from_anyone(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Sam")
        await enroll_patient(bot, OTHER, "Robin")
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])  # torn, as by a failing disk

    async with bot_running(settings, emulator) as bot:
        await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        for who in (PATIENT, OTHER):
            emulator.send_text(who, "i just want to kill myself tonight")
            question = await emulator.wait_for_message(who, contains="Are you safe right now?")
            emulator.press_button(who, question, texts.BTN_NOT_SAFE)
        svc = bot.services

        def not_safe() -> int:
            return sum(a.kind == "not_safe" for a in svc.worker.call(svc.repo.open_alerts))

        await emulator.wait_until(lambda: not_safe() == 2)
        with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
            await deliver_due(bot.app)
            sam = await emulator.wait_for_message(PATIENT, contains=NOT_YET)
            robin = await emulator.wait_for_message(OTHER, contains=NOT_YET)
    assert "988" in sam.text and "988" in robin.text
