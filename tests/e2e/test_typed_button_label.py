"""The safety button's own words typed are its answer (newcomer N74): "I'm safe right now", typed under "are you
safe right now?", was read by the screen's learned layer as worrying, met with "answer the question above", kept as
one of three "worrying words" and counted in the counselor's "has not answered" notice."""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import COUNSELOR, Harness


@pytest.mark.parametrize("typed", [texts.BTN_SAFE, "im safe right now"])
async def test_the_buttons_words_typed_answer_the_question(bot: Harness, patient: int, typed: str) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "nothing matters anymore")
    asked = await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    bot.emu.send_text(patient, typed)
    glad = await bot.emu.wait_for_message(patient, contains="glad", after=asked.message_id)
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id]
    assert not [t for t in said if "answer the question above" in t], said
    assert glad.text
