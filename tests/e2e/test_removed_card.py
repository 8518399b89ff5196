"""Ops O136: a removed counselor's tap on their old alert card said "This alert isn't for you.", as if someone
else always had it."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def test_a_removed_counselors_tap_on_an_old_card_says_they_were_removed(
    bot: Harness, patient: int
) -> None:
    svc, emu = bot.services, bot.emu
    emu.send_text(patient, "i want to kill myself tonight")
    card = await emu.wait_for_message(COUNSELOR, contains="Urgent")
    svc.worker.call(svc.repo.remove_counselor, COUNSELOR)
    emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    await emu.wait_until(lambda: (emu.last_callback_answer(COUNSELOR) or {}).get("text") is not None)
    said = (emu.last_callback_answer(COUNSELOR) or {})["text"]
    assert said == texts.ALERT_COUNSELOR_REMOVED, said
