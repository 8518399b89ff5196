"""One passing Telegram failure (a 5xx) on the check-in's next question (newcomer11 O9): the patient read
"Sorry, something went wrong on my side", then the same question again, and answered twice. The reply is
tried once more; a timeout is not (it may have gone, and an ordinary reply is never sent twice)."""

from __future__ import annotations

from bot import texts
from bot.devtools.emulator import ApiError
from tests.conftest import Harness

SERVER_ERROR = ApiError(502, "Bad Gateway")


async def test_one_5xx_on_the_next_question_is_tried_again_without_an_apology(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR)
    bot.emu.press_button(patient, mood, "7")
    await bot.emu.wait_for_message(patient, contains="craving", after=mood.message_id)
    await bot.emu.settle()
    sent = [m.text for m in bot.emu.sent_to(patient)]
    assert texts.SOMETHING_WENT_WRONG not in sent
    assert len([t for t in sent if "craving" in t.lower()]) == 1, sent
