"""The time-zone question never traps a patient in set-up (newcomer findings P2-7, P3-15)."""

from __future__ import annotations

from bot import texts
from bot.domain.timezones import city
from tests.conftest import Harness

PATIENT = 3001


async def _to_zone_question(bot: Harness) -> int:
    code = bot.invite("Blake")
    bot.emu.send_text(PATIENT, f"/start {code}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="Do you agree")
    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE)
    return (await bot.emu.wait_for_message(PATIENT, contains="time zone")).message_id


def _zone(bot: Harness) -> str | None:
    patient = bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT)
    assert patient is not None
    return patient.timezone


async def test_an_unreadable_answer_is_asked_again_with_a_way_out(bot: Harness) -> None:
    await _to_zone_question(bot)
    bot.emu.send_text(PATIENT, "no sé, vivo cerca de mi familia")
    again = await bot.emu.wait_for_message(PATIENT, contains="don't recognize")
    default = texts.btn_default_zone(city(bot.services.settings.timezone))
    assert default in again.button_texts() and "Chicago" in again.button_texts() and "/settings" in again.text
    bot.emu.press_button(PATIENT, again, default)
    await bot.emu.wait_for_message(PATIENT, contains="daily check-in")
    assert _zone(bot) == bot.services.settings.timezone


async def test_checkin_during_set_up_shows_the_question_again(bot: Harness) -> None:
    first = await _to_zone_question(bot)
    bot.emu.send_text(PATIENT, "/checkin")
    await bot.emu.wait_for_message(PATIENT, after=first, contains=texts.SETUP_FIRST)
    again = await bot.emu.wait_for_message(PATIENT, after=first, contains="time zone")
    assert "Chicago" in again.button_texts()


async def test_a_typed_zone_makes_the_old_zone_buttons_stale(bot: Harness) -> None:
    first = await _to_zone_question(bot)
    question = next(m for m in bot.emu.sent_to(PATIENT) if m.message_id == first)
    bot.emu.send_text(PATIENT, "europe/london")
    await bot.emu.wait_for_message(PATIENT, contains="daily check-in")
    bot.emu.press_button(PATIENT, question, "Chicago")
    await bot.emu.wait_for_message(PATIENT, contains=texts.STALE_BUTTON)
    assert _zone(bot) == "Europe/London"
