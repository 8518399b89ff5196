"""A one-line note on what was done, added on acknowledging an alert (newcomer16 N139): an alert could only be
acknowledged, so the next person to open it (on call, an admin, a new counselor) started blind."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness

NOTE = "called, safe at her sister's, gun removed by family"


async def test_the_note_shows_on_the_card_the_page_and_the_timeline(bot: Harness, patient: int) -> None:
    svc = bot.services
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "i have my dads pistol and i want to die tonight")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    offer = await bot.emu.wait_for_message(COUNSELOR, contains="add one line on what was done")
    bot.emu.press_button(COUNSELOR, offer, texts.BTN_ACK_NOTE)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type one line on what was done")
    bot.emu.send_text(COUNSELOR, NOTE)
    await bot.emu.wait_for_message(COUNSELOR, contains="Noted on")
    await bot.emu.settle()
    edited = next(m.text for m in bot.emu.sent_to(COUNSELOR) if m.message_id == card.message_id)
    assert (
        "✅ Acknowledged by Dana Rivera" in edited and "📝 Dana Rivera: called, safe at her sister" in edited
    )
    assert not svc.worker.call(svc.repo.open_alerts)  # acknowledged
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    (row,) = svc.worker.call(svc.repo.patient_alerts, p.patient_id)
    assert row["ack_note"] == NOTE
    audit = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "alert_noted"]
    assert len(audit) == 1 and NOTE not in str(audit)  # that a note was added, never its words
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert "📝 Dana Rivera: called, safe at her sister" in page.text, page.text
    bot.emu.press_button(COUNSELOR, page, texts.BTN_TIMELINE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="what they wrote", timeout=60)
    assert "What was done" in shown.text and "Dana Rivera: called, safe at her sister" in shown.text


async def test_the_note_is_the_acknowledgers_own_and_a_long_one_is_refused(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "i want to kill myself tonight")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    offer = await bot.emu.wait_for_message(COUNSELOR, contains="add one line on what was done")
    bot.emu.press_button(COUNSELOR, offer, texts.BTN_ACK_NOTE)
    ask = await bot.emu.wait_for_message(COUNSELOR, contains="Type one line on what was done")
    bot.emu.send_text(COUNSELOR, "x" * (texts.ACK_NOTE_ROOM + 1))
    await bot.emu.wait_for_message(COUNSELOR, contains="Type a shorter one", after=ask.message_id)
    bot.emu.send_text(COUNSELOR, "left a voicemail")
    await bot.emu.wait_for_message(COUNSELOR, contains="Noted on")
