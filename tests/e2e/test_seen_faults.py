"""A patient told that nobody had answered hears that someone has, though Telegram fails that send once
(audit): it was sent once, logged when it failed, and the patient was left believing nobody had seen it."""

from __future__ import annotations

import time_machine

from bot import texts
from bot.devtools.emulator import ApiError
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_unanswered import NOT_YET, _not_safe, _past_last_round, admin  # noqa: F401 (fixture)


async def test_seen_now_survives_one_failed_send(bot: Harness, patient: int, admin: int) -> None:  # noqa: F811
    svc = bot.services
    await _not_safe(bot, patient)
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(patient, contains=NOT_YET)
        await bot.emu.settle()
        mine = next(m for m in reversed(bot.emu.sent_to(COUNSELOR)) if "last reminder" in m.text)
        bot.emu.faults.fail_next("sendMessage", ApiError(500, "Internal Server Error"))
        bot.emu.press_button(COUNSELOR, mine, texts.BTN_ACKNOWLEDGE)
        await bot.emu.wait_for_message(patient, contains="has now seen my message", timeout=30)
