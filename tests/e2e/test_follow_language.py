"""The confirmation of words passed on after a crisis is in the words' language (newcomer10 N16: an English
patient wrote a crisis in Spanish, then English follow-ups, and each was confirmed "Le pasé tu mensaje a ...")."""

from __future__ import annotations

from tests.conftest import COUNSELOR, Harness, say_hello


async def test_an_english_follow_up_after_a_spanish_crisis_is_confirmed_in_english(
    bot: Harness, patient: int
) -> None:
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.send_text(patient, "ya no puedo mas, neta me quiero matar")
    await bot.emu.wait_for_message(patient, contains="¿Estás a salvo")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "sorry, i meant i just need a break from everything")
    await bot.emu.wait_for_message(patient, contains="I've passed that to")
    bot.emu.send_text(patient, "perdón, es que estoy muy cansada")
    await bot.emu.wait_for_message(patient, contains="Le pasé tu mensaje")
