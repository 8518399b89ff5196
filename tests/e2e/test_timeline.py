"""The patient page's Timeline: what the patient wrote and when, in one place, oldest first (finding 35)."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness, check_in_with_note

CRISIS = "i have the whole bottle of my pills in my hand"
CHECK = "whats the point anymore"


async def test_the_timeline_lists_check_ins_worrying_words_and_alerts_in_order(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await check_in_with_note(bot, patient, "long day at work")
    bot.emu.send_text(patient, CHECK)
    await bot.emu.wait_for_message(patient, contains="safe")
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    bot.emu.press_button(COUNSELOR, page, texts.BTN_TIMELINE)
    # After the page's chart, which takes seconds to draw on a loaded machine.
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="what they wrote", timeout=60)
    text = shown.text
    assert text.index("long day at work") < text.index(CHECK) < text.index(CRISIS), text
    assert "Check-in" in text and "Worrying words" in text and "🚨" in text
    audited = [r["action"] for r in bot.services.worker.call(bot.services.repo.audit_log)]
    assert "timeline_viewed" in audited
