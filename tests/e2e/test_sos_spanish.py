""" "ayuda" and "necesito ayuda" get the crisis lines in Spanish, as "help me" gets them in English
(newcomer finding P2-6, its smallest piece)."""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import COUNSELOR, Harness


@pytest.mark.parametrize("typed", ["ayuda", "necesito ayuda", "Ayúdame por favor"])
async def test_spanish_help_words_get_the_lines_in_spanish(bot: Harness, patient: int, typed: str) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, typed)
    first = await bot.emu.wait_for_message(patient, contains="Habla con alguien ahora")
    assert "988" in first.text and first.button_texts() == [texts.BTN_TELL_COUNSELOR_ES]
    bot.emu.press_button(patient, first, texts.BTN_TELL_COUNSELOR_ES)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.wait_for_message(patient, after=first.message_id, contains="Le avisé")
