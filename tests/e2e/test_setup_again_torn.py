"""One torn file never keeps set-up from being asked again of everyone else (audit).

The sweep that asks an interrupted set-up again claimed each question in the patient's file: a torn file
raised there, every 5 minutes, and every patient after it in the sweep was never asked, so stayed "setting
up" with no prompts or reminders.
"""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.jobs import setup_waiting
from tests.conftest import COUNSELOR, bot_running
from tests.e2e.test_setup_after_crisis import MORNING

LUZ, SOL = 3002, 3003


async def _crisis_at_zone_question(emulator: BotApiEmulator, code: str, who: int) -> None:
    emulator.add_user(who)
    emulator.send_text(who, f"/start {code}")
    consent = await emulator.wait_for_message(who, contains="Do you agree")
    emulator.press_button(who, consent, texts.BTN_AGREE)
    await emulator.wait_for_message(who, contains="time zone")
    emulator.send_text(who, "honestly i want to kill myself, i dont care about time zones")
    await emulator.wait_for_message(who, contains="Are you safe right now?")


async def test_a_torn_file_never_keeps_set_up_from_the_others(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    with time_machine.travel(MORNING, tick=True):
        async with bot_running(settings, emulator) as bot:
            for alias, who in (("Luz", LUZ), ("Sol", SOL)):
                await _crisis_at_zone_question(emulator, bot.invite(alias), who)
            await emulator.wait_until(
                lambda: len(bot.services.worker.call(bot.services.repo.open_alerts)) == 2
            )
            luz = bot.services.worker.call(bot.services.repo.patient_by_telegram, LUZ)
            assert luz is not None
    shard = settings.data_dir / "patients" / f"{luz.patient_id}.json"
    shard.write_bytes(shard.read_bytes()[:60])  # torn, as by a failing disk
    hold = timedelta(hours=settings.routine_hold_hours, minutes=1)
    with time_machine.travel(MORNING + hold, tick=True):
        async with bot_running(settings, emulator) as bot:
            await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
            assert await setup_waiting.sweep(bot.app) == 1
            await emulator.wait_for_message(SOL, contains="finish setting up")
