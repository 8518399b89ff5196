"""/delete with a thread between patient and counselor (gaps11 #6): the thread went with the rest and the
counselor read only that "messages" were gone; the patient was told nothing of what the counselor keeps.
Now the counselor is told plainly that their thread with the patient is gone from the bot (never what it
said), and the patient, before and after, what is erased, that the counselor is told, and what stays."""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_messages import _counselor_writes


async def test_the_counselor_is_told_their_thread_is_gone_and_the_patient_what_stays(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/help")
    await bot.emu.wait_for_message(patient, contains="what I can do")
    await _counselor_writes(bot, "How was the weekend?")
    got = await bot.emu.wait_for_message(patient, contains="How was the weekend?")
    bot.emu.press_button(patient, got, texts.BTN_REPLY)
    await bot.emu.wait_for_message(patient, contains="Type your message for")
    bot.emu.send_text(patient, "rough, my brother visited")
    await bot.emu.wait_for_message(COUNSELOR, contains="rough, my brother visited")
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    assert "messages with your counselor" in ask.text
    assert "told" in ask.text and "already reached" in ask.text
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    done = await bot.emu.wait_for_message(patient, contains="Done:")
    assert "messages with your counselor" in done.text and "told" in done.text
    told = await bot.emu.wait_for_message(COUNSELOR, contains="erased their data")
    assert "message thread with them" in told.text
    assert "weekend" not in told.text and "brother" not in told.text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_spanish_says_the_same(language: str) -> None:
    confirm = texts.DELETE_CONFIRM_ES if language == "es" else texts.DELETE_CONFIRM
    words = ("mensajes con tu consejero", "se le avisa") if language == "es" else ("messages with", "told")
    assert all(w in confirm.casefold() for w in words)
