"""Someone who used /stop and writes again is recognised, not greeted as a stranger (gaps11 #2).

Before, "hi", /start or /checkin after /stop got the strangers' text ("you need a personal enrollment
code..."), as if the bot had never met them. Now they read that they stopped messages and how to come
back, in their own language; crisis words still get the crisis lines (tests/e2e/test_withdrawn_crisis.py).
"""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import Harness
from tests.e2e.test_spanish import PATIENT as SPANISH
from tests.e2e.test_spanish import enroll_in_spanish


async def _stop(bot: Harness, telegram_id: int) -> int:
    bot.emu.send_text(telegram_id, "/stop")
    confirm = await bot.emu.wait_for_message(telegram_id, predicate=lambda m: bool(m.buttons))
    bot.emu.press_button(telegram_id, confirm, confirm.button_texts()[0])
    svc = bot.services
    await bot.emu.wait_until(lambda: svc.worker.call(svc.repo.withdrawn_patient, telegram_id) is not None)
    return confirm.message_id


def _plain(html: str) -> str:
    return html.replace("<b>", "").replace("</b>", "")


@pytest.mark.parametrize("typed", ["hi", "/start", "/checkin", "/help"])
async def test_a_stopped_patient_is_recognised(bot: Harness, patient: int, typed: str) -> None:
    after = await _stop(bot, patient)
    bot.emu.send_text(patient, typed)
    reply = await bot.emu.wait_for_message(patient, after=after, contains="/stop")
    assert reply.text == _plain(texts.stopped_again("en"))
    assert not [m for m in bot.emu.sent_to(patient) if m.text == _plain(texts.STRANGER)]


async def test_a_stopped_spanish_patient_is_recognised_in_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    after = await _stop(bot, SPANISH)
    bot.emu.send_text(SPANISH, "hola")
    reply = await bot.emu.wait_for_message(SPANISH, after=after, contains="/stop")
    assert reply.text == _plain(texts.stopped_again("es"))


async def test_crisis_words_after_stop_still_get_the_lines(bot: Harness, patient: int) -> None:
    after = await _stop(bot, patient)
    bot.emu.send_text(patient, "I want to kill myself")
    answer = await bot.emu.wait_for_message(patient, after=after, contains="988")
    assert "Are you safe right now?" in answer.text
