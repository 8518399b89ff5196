"""A voice note or sticker as the answer to "Are you safe right now?" after worrying words (newcomer24 N265, P1,
silent): the patient was told to type instead and the counselor heard nothing; the check flag waited for a review.
Now the counselor hears at once that an answer came that the bot cannot read, and the patient that they were told."""

from __future__ import annotations

from bot.devtools.emulator.phone_commands import _MEDIA
from tests.conftest import COUNSELOR, Harness

WORRY = "i give up, nothing matters anymore"


async def test_a_voice_note_under_the_safety_question_reaches_the_counselor(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, WORRY)
    asked = await bot.emu.wait_for_message(patient, contains="safe right now")
    bot.emu.send_extra(patient, _MEDIA["/voice"])
    told = await bot.emu.wait_for_message(COUNSELOR, contains="answered “Are you safe right now?”")
    assert "Alex" in told.text and "please reach them" in told.text, told.text
    reply = await bot.emu.wait_for_message(patient, contains="type", after=asked.message_id)
    assert "Dana" in reply.text, reply.text  # the patient is told who heard of it
