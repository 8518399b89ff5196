"""A typed answer to a session reminder that also trips the screen (newcomer14 N93, N94): the crisis answer or the
relapse reply came, but the RSVP was dropped, so the counselor heard only the alert or the flag and never
"can't make it" or "running late". The RSVP is recorded beside them; crisis words stay behind the alert."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.jobs import reminders
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_reminder_typed import _rsvps
from tests.e2e.test_reminders import _next_monday_at, _setup


async def _under_reminder(bot: Harness, patient: int, words: str) -> None:
    _setup(bot, patient)
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await reminders.sweep(bot.app)
    await bot.emu.wait_for_message(patient, contains="Reminder")
    bot.emu.send_text(patient, words)


async def test_cant_come_with_crisis_words_records_the_rsvp_beside_the_alert(
    bot: Harness, patient: int
) -> None:
    words = "cant make it today, i want to die"
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await _under_reminder(bot, patient, words)
        await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
        await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
        told = await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["n"]
    assert words not in told.text  # crisis words only behind the alert's Show message
    assert not any("Noted" in m.text for m in bot.emu.sent_to(patient))  # the crisis answer is the one reply


async def test_running_late_with_use_words_records_the_rsvp_and_passes_the_words(
    bot: Harness, patient: int
) -> None:
    words = "running late, i relapsed last night and used"
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await _under_reminder(bot, patient, words)
        told = await bot.emu.wait_for_message(COUNSELOR, contains="is running late")
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["l"]
    assert words in told.text
