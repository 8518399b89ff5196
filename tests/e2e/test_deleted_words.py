"""/delete after a crisis message: the counselor's "Show message" says the words were deleted, and when
(newcomer finding P1-3), never an empty "Message from Alex:"."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness

CRISIS = "tonight im going to take all the pills i saved, i already wrote the letters"


async def test_show_message_after_delete_says_the_patient_deleted_it(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, CRISIS)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    await bot.emu.wait_for_message(patient, contains="erased")

    await bot.emu.wait_for_message(
        COUNSELOR, contains="erased their data with /delete"
    )  # told once (finding 21)
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, after=alert.message_id, contains="deleted their data")
    assert "deleted their data with /delete on" in shown.text and "still stands" in shown.text
    assert "pills" not in shown.text and "Message from" not in shown.text
    assert len(bot.services.worker.call(bot.services.repo.open_alerts)) == 1  # the alert stands


async def test_an_alert_opened_from_the_page_after_delete_says_why_its_words_are_gone(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 14: the card brought back from the page lost "Show message" without a word."""
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    await bot.emu.wait_for_message(patient, contains="erased")

    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins", after=screen.message_id)
    (button,) = [b for row in page.buttons for b in row if b.text.startswith("🚨")]
    bot.emu.press_button(COUNSELOR, page, button.text)
    card = await bot.emu.wait_for_message(COUNSELOR, after=page.message_id, contains="Urgent")
    assert texts.BTN_SHOW_MESSAGE not in card.button_texts()
    assert "deleted their data with /delete on" in card.text and "still stands" in card.text
