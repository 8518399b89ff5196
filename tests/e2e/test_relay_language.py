"""A counselor's words reach a Spanish-speaking patient under a Spanish header and a Spanish Reply button."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def test_a_spanish_patient_reads_their_counselors_message_in_spanish_and_can_reply(
    bot: Harness, patient: int
) -> None:
    # newcomer5 finding 5: Lupe (Telegram es-MX, set up in Spanish) read "Message from your counselor Dana
    # Rivera:" and a "Reply" button around her counselor's words.
    svc = bot.services

    def to_spanish() -> None:
        p = svc.repo.patient_by_telegram(patient)
        assert p is not None
        svc.repo.save_patient(p.with_changes(language="es"))

    svc.worker.call(to_spanish)
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(
        COUNSELOR, predicate=lambda m: texts.BTN_MESSAGE_PATIENT in m.button_texts()
    )
    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "Te llamo a las 5")
    relayed = await bot.emu.wait_for_message(patient, contains="Te llamo a las 5")
    assert relayed.text.startswith("Mensaje de Dana Rivera, tu consejero o consejera:")
    assert relayed.button_texts() == ["Responder"]
    bot.emu.press_button(patient, relayed, "Responder")
    await bot.emu.wait_for_message(patient, after=relayed.message_id, predicate=lambda m: m.text is not None)
