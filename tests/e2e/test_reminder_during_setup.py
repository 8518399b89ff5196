"""No session reminder in the middle of set-up (newcomer14 N92): a patient who had chosen their time zone and was
answering the check-in-time question got "Reminder: your appointment today at 6:00 PM" with its buttons between two
set-up questions, so their next typed line could be read as an RSVP or as a time. The reminder waits until the
question is answered (or left for a while: a set-up never finished still gets its session reminders)."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot import texts
from bot.jobs import reminders
from bot.jobs.reminders import SETUP_HOLD
from tests.conftest import Harness
from tests.e2e.test_reminders import _next_monday_at, _reminders, _setup

JO = 3003


async def _to_time_question(bot: Harness) -> None:
    code = bot.invite("Jo")
    bot.emu.add_user(JO, first_name="Jo")
    bot.emu.send_text(JO, f"/start {code}")
    consent = await bot.emu.wait_for_message(JO, contains="Do you agree")
    bot.emu.press_button(JO, consent, texts.BTN_AGREE)
    zones = await bot.emu.wait_for_message(JO, contains="time zone")
    bot.emu.press_button(JO, zones, zones.button_texts()[0])
    await bot.emu.wait_for_message(JO, contains="check-in")


async def test_a_reminder_waits_while_the_check_in_time_question_is_open(bot: Harness) -> None:
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await _to_time_question(bot)
        _setup(bot, JO)
        assert await reminders.sweep(bot.app) == 0
        assert _reminders(bot, JO) == []
        bot.emu.send_text(JO, "8pm")
        await bot.emu.wait_for_message(JO, contains="8:00 PM")
        assert await reminders.sweep(bot.app) == 1
    assert len(_reminders(bot, JO)) == 1


async def test_a_set_up_left_unfinished_still_gets_its_reminder(bot: Harness) -> None:
    with time_machine.travel(_next_monday_at(17) - SETUP_HOLD - timedelta(minutes=1), tick=True):
        await _to_time_question(bot)
        _setup(bot, JO)
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        assert await reminders.sweep(bot.app) == 1
