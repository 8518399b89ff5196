"""Staff trying the bot with their own account (newcomer9 N31): a patient code opened by a counselor's account
is named as such, and crisis words a counselor types that go to nobody get the lines, in case they are theirs.
Words a counselor sends to a patient are not screened for the counselor: quoting a patient is not a crisis."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def test_a_patient_code_from_a_counselor_account_is_named(bot: Harness) -> None:
    code = bot.invite("Trial")
    bot.emu.send_text(COUNSELOR, f"/start {code}")
    await bot.emu.wait_for_message(COUNSELOR, contains="can't use a patient's enrollment code")


async def test_crisis_words_a_counselor_types_to_nobody_get_the_lines(bot: Harness) -> None:
    bot.emu.send_text(COUNSELOR, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="I haven't sent that to anyone")
    lines = await bot.emu.wait_for_message(COUNSELOR, contains="If those words are about you")
    assert "988" in lines.text


async def test_spanish_crisis_words_get_spanish_lines(bot: Harness) -> None:
    bot.emu.send_text(COUNSELOR, "ya no quiero vivir")
    lines = await bot.emu.wait_for_message(COUNSELOR, contains="Si esas palabras son sobre ti")
    assert "988" in lines.text


async def test_plain_words_get_no_lines(bot: Harness) -> None:
    bot.emu.send_text(COUNSELOR, "what time is group")
    await bot.emu.wait_for_message(COUNSELOR, contains="I haven't sent that to anyone")
    bot.emu.send_text(COUNSELOR, "/help")
    # A barrier: /help's own answer, after the first reply (which quotes the tools list too).
    await bot.emu.wait_for_message(COUNSELOR, contains=texts.HELP_COUNSELOR[:15])
    assert not any("If those words are about you" in m.text for m in bot.emu.sent_to(COUNSELOR))
