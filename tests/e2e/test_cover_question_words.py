"""Words written while "Are you safe right now?" waits reach the cover of an away counselor too (newcomer20 N196,
P1): "this is the last time you'll hear from me" and "bye" under a check question went only to Dana, on leave, and
the patient was told "I've passed that to Dana Rivera"; Pat, covering, got nothing."""

from __future__ import annotations

from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_counselor_away import PAT, _dana_away, _staff


async def test_words_under_a_waiting_question_go_to_the_cover_too(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _dana_away(bot, PAT)
    bot.emu.send_text(patient, "honestly i give up")  # worrying: the question, no alert
    await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    bot.emu.send_text(patient, "i just need to sleep for a while")
    told = await bot.emu.wait_for_message(patient, contains="passed that")
    assert "Pat Kim" in told.text, told.text
    card = await bot.emu.wait_for_message(PAT, contains="while my question")
    assert "Show message" in card.text
    assert [m for m in bot.emu.sent_to(COUNSELOR) if "while my question" in m.text]  # and to Dana, as before
