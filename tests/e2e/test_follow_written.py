"""Ops O141: after an outage, words that joined an open crisis alert were shown with the time the bot read them,
not when they were written, on the "wrote again" card and behind Show message."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import COUNSELOR, Harness


async def test_words_read_late_after_an_alert_say_when_they_were_written(bot: Harness, patient: int) -> None:
    svc = bot.services
    bot.emu.send_text(patient, "i want to kill myself tonight")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    later = svc.now() + timedelta(minutes=8)
    svc.clock = lambda: later  # the bot reads the next words 8 minutes after Telegram took them (an outage)
    bot.emu.send_text(patient, "i really want to use right now")
    again = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again", after=card.message_id)
    assert "reached you 8 min later" in again.text, again.text
