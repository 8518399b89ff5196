"""Crisis words at the consent screen reach the counselor the invitation names (newcomer finding 21).

The person has not agreed, so nothing of theirs is stored and they get the crisis lines as a stranger does;
their counselor is told at once that the person they invited wrote crisis words, never the words.
"""

from __future__ import annotations

from tests.conftest import COUNSELOR, Harness

INVITEE = 3001
WORDS = "i want to kill myself"


async def test_crisis_words_before_consent_reach_the_inviting_counselor(bot: Harness) -> None:
    code = bot.invite("Jo")
    bot.emu.add_user(INVITEE, first_name="Jo")
    bot.emu.start_bot(INVITEE, code)
    await bot.emu.wait_for_message(INVITEE, contains="Before we start")
    bot.emu.send_text(INVITEE, WORDS)
    await bot.emu.wait_for_message(INVITEE, contains="988")
    told = await bot.emu.wait_for_message(COUNSELOR, contains="whom you invited")
    assert "Jo" in told.text and WORDS not in told.text
    assert bot.services.worker.call(bot.services.repo.patient_by_telegram, INVITEE) is None


async def test_a_stranger_without_an_invitation_tells_nobody(bot: Harness) -> None:
    bot.emu.add_user(INVITEE, first_name="Kai")
    bot.emu.send_text(INVITEE, WORDS)
    await bot.emu.wait_for_message(INVITEE, contains="988")
    bot.emu.send_text(COUNSELOR, "/help")  # a positive barrier: the bot has handled everything before
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "whom you invited" in m.text]
