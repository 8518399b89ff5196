"""A patient's message that reaches the counselor long after it was written says when it was written
(gaps11 #9): words typed while the bot was down, or kept in the drawer and sent hours later, were stamped
with the time they went, so "wrote to you, 9:05 AM" read as just now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot import texts
from bot.domain.models import Patient
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_messages import _counselor_writes


async def _counselor_ready(bot: Harness) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")


async def test_kept_words_sent_hours_later_say_when_they_were_written(bot: Harness, patient: int) -> None:
    await _counselor_ready(bot)
    bot.emu.send_text(patient, "rough night, can we talk tomorrow")
    offer = await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    later = datetime.now(UTC) + timedelta(hours=3, minutes=10)
    bot.services.clock = lambda: later  # the patient taps "Send" three hours later
    bot.emu.press_button(patient, offer, texts.BTN_SEND_UNSENT)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="rough night")
    assert "3 h 10 min later" in card.text, card.text
    (message,) = bot.services.worker.call(bot.services.repo.messages, _pid(bot, patient))
    assert message.written is not None and later - message.written >= timedelta(hours=3)


async def test_words_read_after_an_outage_say_when_they_were_written(bot: Harness, patient: int) -> None:
    await _counselor_ready(bot)
    bot.emu.send_text(patient, "/help")
    await bot.emu.wait_for_message(patient, contains="what I can do")
    await _counselor_writes(bot, "How did the weekend go?")
    await bot.emu.wait_for_message(patient, contains="How did the weekend go?")
    later = datetime.now(UTC) + timedelta(hours=20, minutes=3)
    bot.services.clock = lambda: later  # the bot reads the answer 20 hours after Telegram took it
    bot.emu.send_text(patient, "it went ok, thanks")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="it went ok")
    assert "20 h" in card.text and "later" in card.text, card.text


async def test_words_passed_at_once_have_no_such_line(bot: Harness, patient: int) -> None:
    await _counselor_ready(bot)
    bot.emu.send_text(patient, "quick question about friday")
    offer = await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    bot.emu.press_button(patient, offer, texts.BTN_SEND_UNSENT)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="quick question")
    assert "later" not in card.text


def _pid(bot: Harness, telegram_id: int) -> str:
    found: Patient | None = bot.services.worker.call(bot.services.repo.patient_by_telegram, telegram_id)
    assert found is not None
    return found.patient_id


async def test_words_after_an_alert_read_late_say_when_they_were_written(bot: Harness, patient: int) -> None:
    """The card that tells the people an alert reached that more words came: the same (gaps11 #9)."""
    await _counselor_ready(bot)
    bot.emu.send_text(patient, "I want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    later = datetime.now(UTC) + timedelta(hours=2, minutes=30)
    bot.services.clock = lambda: later  # the bot reads the next words two and a half hours late
    bot.emu.send_text(patient, "im at my sisters now")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    assert "2 h 30 min later" in card.text, card.text
    bot.emu.press_button(COUNSELOR, card, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="im at my sisters now")
    assert "2 h 30 min later" in shown.text, shown.text
