"""An alert past its last reminder tells its patient "not answered yet" though their file is torn (audit).

The word reads the patient's thread (has a counselor written since?), which raised for a torn file: the sweep
stopped there every 30 seconds, so neither that patient nor any patient after them in the sweep was told.
"""

from __future__ import annotations

from collections.abc import Callable

import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator, SentMessage
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, PATIENT, bot_running, check_in_with_note, enroll_patient
from tests.e2e.test_unanswered import NOT_YET, _past_last_round

OTHER = 2002


def _not_safe_card(name: str) -> Callable[[SentMessage], bool]:
    return lambda m: "not safe" in m.text and name in m.text


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
        told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        for who, name in ((PATIENT, "Sam"), (OTHER, "Robin")):
            emulator.send_text(who, "i just want to kill myself tonight")
            question = await emulator.wait_for_message(who, contains="Are you safe right now?")
            emulator.press_button(who, question, texts.BTN_NOT_SAFE)
            # Each patient's own "not safe" (one shared `after` let Robin's wait match Sam's card, so under load
            # the clock moved on before Robin's alert was raised).
            await emulator.wait_for_message(COUNSELOR, after=told.message_id, predicate=_not_safe_card(name))
        svc = bot.services
        with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
            await deliver_due(bot.app)
            sam = await emulator.wait_for_message(PATIENT, contains=NOT_YET)
            robin = await emulator.wait_for_message(OTHER, contains=NOT_YET)
    assert "988" in sam.text and "988" in robin.text
