"""/message while a crisis alert about the patient is followed (newcomer22 N224): the words go to everyone the alert
reached, on its cards, as words typed without /message do; the prompt says so and promises no office hours."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness

CRISIS = "i have the gun out on the table again. just staring at it"


async def test_message_words_during_an_alert_reach_everyone_it_reached(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/message")
    prompt = await bot.emu.wait_for_message(patient, contains="Type your message")
    assert "goes to everyone it reached" in prompt.text and "working day" not in prompt.text, prompt.text
    bot.emu.send_text(patient, "im at home, the door is unlocked")
    told = await bot.emu.wait_for_message(patient, contains="I've passed that to")
    assert "working day" not in told.text, told.text
    words = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again", after=card.message_id)
    assert words.button_texts() == [texts.BTN_SHOW_MESSAGE], words.button_texts()
    bot.emu.send_text(patient, "ok")  # not taken as a second /message
    await bot.emu.wait_for_message(patient, contains="I've passed that to", after=told.message_id)
