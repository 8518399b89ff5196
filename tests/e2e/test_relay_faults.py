"""A counselor's message to a patient survives a passing Telegram failure (newcomer finding 10-7).

It was tried once: one 500 dropped it and ended "Message patient", two left the counselor with no word at all.
Now it is tried again like a safety reply, and when it still does not go the counselor is told plainly, with
their words, and can send them again without opening the patient's page.
"""

from __future__ import annotations

from bot import texts
from bot.devtools.emulator import ApiError
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_messages import _open_page

SERVER_ERROR = ApiError(500, "Internal Server Error")
WORDS = "Alex, it's Dana. I'm calling you right now, please pick up."


async def _writing_to_alex(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/help")  # both have written to the bot first, as Telegram requires
    await bot.emu.wait_for_message(patient, contains="what I can do")
    page = await _open_page(bot)
    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)  # type: ignore[arg-type]
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")


async def test_one_failed_send_still_delivers_the_counselors_message(bot: Harness, patient: int) -> None:
    await _writing_to_alex(bot, patient)
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR)
    bot.emu.send_text(COUNSELOR, WORDS)
    await bot.emu.wait_for_message(patient, contains="please pick up")
    await bot.emu.wait_for_message(COUNSELOR, contains="Sent to Alex")


async def test_a_message_that_never_goes_is_said_with_its_words_and_can_be_sent_again(
    bot: Harness, patient: int
) -> None:
    await _writing_to_alex(bot, patient)
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR, times=4)  # every quick try
    bot.emu.send_text(COUNSELOR, WORDS)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="was not delivered")
    assert "please pick up" in told.text
    bot.emu.send_text(COUNSELOR, WORDS)  # still writing to Alex: no need to open the page again
    await bot.emu.wait_for_message(patient, contains="please pick up")
    await bot.emu.wait_for_message(COUNSELOR, after=told.message_id, contains="Sent to Alex")
