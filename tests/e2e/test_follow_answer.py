"""A patient's answer to the counselor's own message while a crisis alert is followed (newcomer14 N97): it came
only as an edit of an older "wrote again" card, which on Telegram makes no sound and does not move the chat, so
the counselor promised "Their reply will come here" saw nothing arrive."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness

CRISIS = "my ex is outside my window again with a bat, i want to die"


async def test_an_answer_to_the_counselors_message_comes_as_a_new_message(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, CRISIS)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "are you there")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again", after=alert.message_id)
    bot.emu.send_text(patient, "hello??")
    await bot.emu.wait_for_message(COUNSELOR, contains="2 messages", predicate=lambda m: m.edited)
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_ACKNOWLEDGE)
    acked = await bot.emu.wait_for_message(COUNSELOR, contains="Acknowledged by")
    bot.emu.press_button(COUNSELOR, acked, texts.BTN_MESSAGE_PATIENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "Alex, I'm calling you right now. If he gets in, call 911.")
    sent = await bot.emu.wait_for_message(COUNSELOR, contains="Their reply will come here")
    await bot.emu.wait_for_message(patient, contains="calling you right now")
    bot.emu.send_text(patient, "ok he left. cops came. im ok now, thank u")
    answer = await bot.emu.wait_for_message(
        COUNSELOR, after=sent.message_id, predicate=lambda m: not m.edited and "Alex" in m.text
    )
    assert "answered your message" in answer.text, answer.text
    assert answer.button_texts() == [texts.BTN_SHOW_MESSAGE, texts.BTN_REPLY]
    assert card.message_id < sent.message_id
