"""Worrying words again while "Are you safe right now?" waits join it (newcomer10 N44): three messages in a
minute got three identical questions, none answered, and the counselor heard nothing until the next review."""

from __future__ import annotations

from tests.conftest import COUNSELOR, Harness, say_hello

WORDS = ["i give up", "nothing matters anymore", "whats the point of trying, i give up"]


async def test_worrying_words_again_join_the_open_question_and_a_pile_tells_the_counselor(
    bot: Harness, patient: int
) -> None:
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.send_text(patient, WORDS[0])
    await bot.emu.wait_for_message(patient, contains="safe right now?")
    bot.emu.send_text(patient, WORDS[1])
    await bot.emu.wait_for_message(patient, contains="I've kept that with what you wrote before")
    bot.emu.send_text(patient, WORDS[2])
    told = await bot.emu.wait_for_message(COUNSELOR, contains="wrote worrying words 3 times")
    assert "Alex" in told.text
    asked = [m for m in bot.emu.sent_to(patient) if "are you safe right now?" in m.text and m.buttons]
    assert len(asked) == 1, [m.text for m in bot.emu.sent_to(patient)]
