"""Words for the counselor typed while a questionnaire waits (newcomer14 N101, P1 silent): after crisis words at a
GAD-7 item and "I'm safe", the on-call counselor wrote "can I call you in 10 min?"; the patient's "yeah call me, im
home" was answered "I couldn't read that as an answer" by the half-done GAD-7 and never reached anyone."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot import texts
from bot.domain.follow import FOLLOW_FOR
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_measures import _answer, _first_question

CALL = "Hi Alex, can I call you in 10 min?"
ANSWER = "yeah call me, im home"


async def _counselor_writes(bot: Harness, start: object) -> None:
    bot.emu.press_button(COUNSELOR, start, texts.BTN_MESSAGE_PATIENT)  # type: ignore[arg-type]
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, CALL)
    await bot.emu.wait_for_message(COUNSELOR, contains="Their reply will come here")


async def test_after_crisis_words_at_a_questionnaire_the_answer_to_the_counselor_reaches_them(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "/measures")
    gad = await _answer(bot, patient, await _first_question(bot, patient), [0] * 9)
    bot.emu.send_text(patient, "sometimes i think everyone would be better off without me")
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?", after=gad.message_id)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(patient, crisis, texts.BTN_SAFE)
    await bot.emu.wait_for_message(patient, contains=texts.MEASURES_AFTER_SAFETY[:20])
    # Hours later (the alert no longer followed), as in the report: the on-call counselor writes.
    with time_machine.travel(bot.services.now() + FOLLOW_FOR + timedelta(minutes=30), tick=True):
        bot.emu.press_button(COUNSELOR, alert, texts.BTN_ACKNOWLEDGE)
        await _counselor_writes(bot, await bot.emu.wait_for_message(COUNSELOR, contains="Acknowledged by"))
        await bot.emu.wait_for_message(patient, contains="call you in 10 min")
        bot.emu.send_text(patient, ANSWER)
        await bot.emu.wait_for_message(COUNSELOR, contains=ANSWER)
        await bot.emu.settle(patient)
    assert not any(texts.MEASURES_TYPED_HINT in m.text for m in bot.emu.sent_to(patient))


async def test_an_answer_to_the_counselor_typed_at_a_questionnaire_item_reaches_them(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/caseload")
    caseload = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.send_text(patient, "/measures")
    await _first_question(bot, patient)
    bot.emu.press_button(COUNSELOR, caseload, "Alex")
    await _counselor_writes(
        bot,
        await bot.emu.wait_for_message(
            COUNSELOR, predicate=lambda m: bool(m.buttons) and texts.BTN_MESSAGE_PATIENT in m.button_texts()
        ),
    )
    await bot.emu.wait_for_message(patient, contains="call you in 10 min")
    bot.emu.send_text(patient, ANSWER)
    told = await bot.emu.wait_for_message(COUNSELOR, contains=ANSWER)
    assert CALL[:20] in told.text  # as their answer to that message
    await bot.emu.settle(patient)
    assert not any(texts.MEASURES_TYPED_HINT in m.text for m in bot.emu.sent_to(patient))
