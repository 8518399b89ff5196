"""The daily check-in end to end, through the emulator."""

from __future__ import annotations

from typing import Any

from bot import texts
from bot.devtools.emulator import SentMessage
from tests.conftest import Harness


def entries(bot: Harness, telegram_id: int) -> list[dict[str, Any]]:
    repo = bot.services.repo

    def read() -> list[dict[str, Any]]:
        p = repo.patient_by_telegram(telegram_id)
        assert p is not None
        return [e.answers for e in repo.checkins(p.patient_id)]

    return bot.services.worker.call(read)


def button(message: SentMessage, label: str) -> str | None:
    return next(b.callback_data for row in message.buttons for b in row if b.text == label)


async def answer_all(bot: Harness, patient: int, presses: list[str]) -> None:
    last = 0
    for label in presses:
        q = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons), after=last)
        last = q.message_id
        bot.emu.press_button(patient, q, label)


async def test_a_full_check_in_stores_one_entry_with_every_item(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["7", "2", "Good", "Yes", "No"])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.send_text(patient, "Went to group, felt ok")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    assert entries(bot, patient) == [
        {"mood": 7, "craving": 2, "sleep": 2, "medication": 1, "used": 0, "note": "Went to group, felt ok"}
    ]


async def test_skipped_items_are_stored_empty_and_typed_numbers_count(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "lots")
    reask = await bot.emu.wait_for_message(patient, contains="number from 0 to 10", after=q.message_id)
    bot.emu.send_text(patient, "4")
    await answer_all(bot, patient, [texts.BTN_SKIP, texts.BTN_SKIP, texts.BTN_SKIP, texts.BTN_SKIP])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT, after=reask.message_id)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    assert entries(bot, patient) == [
        {"mood": 4, "craving": None, "sleep": None, "medication": None, "used": None, "note": None}
    ]


async def test_a_double_tap_or_an_old_button_never_duplicates(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.press_button(patient, mood, "5")
    bot.emu.press_button(patient, mood, callback_data=button(mood, "6"))
    await bot.emu.wait_for_message(patient, contains="craving")
    await bot.emu.wait_until(lambda: bot.emu.last_callback_answer(patient) is not None)
    bot.emu.send_text(patient, "/cancel")
    await bot.emu.wait_for_message(patient, contains=texts.CANCELLED)
    bot.emu.press_button(patient, mood, callback_data=button(mood, "3"))
    await bot.emu.settle(patient)
    assert entries(bot, patient) == []


async def test_a_hard_day_offers_a_coping_skill(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["2", "8", "Poor", "Yes", "No"])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    offer = await bot.emu.wait_for_message(patient, contains="Would you like to try")
    assert offer.button_texts() == [texts.BTN_TRY_SKILL, texts.BTN_NOT_NOW_SKILL]
