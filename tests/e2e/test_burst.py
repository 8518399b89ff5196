"""A crisis texted in pieces is read together (newcomer15 N125): after "i have the rope" (paged), "its in the
garage", "bye" and "love you mom" each got only "I've passed that to Dana Rivera", and the counselor's card was the
same as for "ok thanks"."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def test_a_goodbye_after_the_rope_gets_the_crisis_lines_again(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "i have the rope")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "its in the garage")
    passed = await bot.emu.wait_for_message(patient, contains="passed")
    bot.emu.send_text(patient, "bye")
    again = await bot.emu.wait_for_message(
        patient, after=passed.message_id, predicate=lambda m: "988" in m.text or "911" in m.text
    )
    assert "I'm still here" in again.text, again.text
    await bot.emu.settle()
    after = [m.text for m in bot.emu.sent_to(COUNSELOR) if m.message_id > first.message_id]
    card = next(t for t in after if "crisis words again" in t)
    assert "saying goodbye" in card and "means at hand" in card, card
    # Reassurance after it is no new crisis: only passed on.
    bot.emu.send_text(patient, "my counselor called, im ok now")
    calm = await bot.emu.wait_for_message(patient, after=again.message_id, contains="passed")
    assert "988" not in calm.text and texts.BTN_SAFE not in calm.button_texts()
