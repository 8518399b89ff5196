"""A counselor's times are in the program's zone and name it, whatever zone the patient lives in."""

from __future__ import annotations

from datetime import UTC, datetime

from bot import texts
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_crisis import CRISIS

AT = datetime(2026, 11, 29, 14, 41, tzinfo=UTC)  # 9:41 AM in New York (the program), 6:41 AM in Los Angeles


async def test_an_alert_from_a_patient_in_another_zone_shows_the_programs_time_and_names_it(
    bot: Harness, patient: int
) -> None:
    svc = bot.services

    def move_to_los_angeles() -> None:
        p = svc.repo.patient_by_telegram(patient)
        assert p is not None
        svc.repo.save_patient(p.with_changes(timezone="America/Los_Angeles"))

    svc.worker.call(move_to_los_angeles)
    svc.clock = lambda: AT
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, CRISIS)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Sun 29 Nov 9:41 AM EST." in alert.text and "6:41" not in alert.text
    question = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.press_button(patient, question, texts.BTN_SAFE)
    answered = await bot.emu.wait_for_message(COUNSELOR, contains="↪")
    assert "9:41 AM EST" in answered.text

    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert [b.text for b in page.buttons[-1]] == ["🚨 crisis language, Sun 29 Nov 9:41 AM EST"]
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_ACKNOWLEDGE)
    done = await bot.emu.wait_for_message(COUNSELOR, contains="Acknowledged by")
    assert "Acknowledged by Dana Rivera, Sun 29 Nov 9:41 AM EST." in done.text
