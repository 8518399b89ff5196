"""/settings end to end: it shows what is set, and each item changes on its own."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from bot import texts
from bot.domain.screen import assess as screen_assess
from bot.domain.screen.assess import Assessment, Level
from bot.handlers import crisis as crisis_handler
from tests.conftest import COUNSELOR, Harness


def _stored(bot: Harness, patient: int) -> tuple[str | None, time | None]:
    p = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert p is not None
    return p.timezone, p.checkin_time


async def test_settings_shows_the_zone_the_time_and_quiet_hours_with_a_button_each(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    assert "Time zone: America/New_York" in screen.text
    assert "Daily check-in: 7:00 PM" in screen.text
    assert "Quiet hours: 10:00 PM–8:00 AM (the default)" in screen.text
    assert screen.button_texts() == [
        texts.BTN_CHANGE_ZONE,
        texts.BTN_CHANGE_TIME,
        texts.btn_quiet_hours((time(22, 0), time(8, 0)), "en"),
    ]


async def test_changing_only_the_time_keeps_the_zone_and_warns_about_quiet_hours(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, screen, texts.BTN_CHANGE_TIME)
    await bot.emu.wait_for_message(patient, contains="When would you like it?")
    bot.emu.send_text(patient, "7:30am")  # inside the default quiet hours (10 PM–8 AM)
    await bot.emu.wait_for_message(patient, contains="check-in is now at 7:30 AM (America/New_York)")
    warning = await bot.emu.wait_for_message(patient, contains="inside your quiet hours")
    assert "10:00 PM–8:00 AM" in warning.text
    assert _stored(bot, patient) == ("America/New_York", time(7, 30))


async def test_changing_only_the_zone_keeps_the_time_and_understands_cities_and_abbreviations(
    bot: Harness, patient: int
) -> None:
    for typed, zone in (
        ("London", "Europe/London"),
        ("eastern", "America/New_York"),
        ("EST", "America/New_York"),
    ):
        bot.emu.send_text(patient, "/settings")
        screen = await bot.emu.wait_for_message(patient, contains="Your settings")
        bot.emu.press_button(patient, screen, texts.BTN_CHANGE_ZONE)
        await bot.emu.wait_for_message(patient, contains="Which one are you in?")
        bot.emu.send_text(patient, typed)
        await bot.emu.wait_for_message(patient, contains=f"Your time zone is {zone}")
        assert _stored(bot, patient) == (zone, time(19, 0))


async def test_a_misspelt_city_gets_suggestions_to_tap(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, screen, texts.BTN_CHANGE_ZONE)
    await bot.emu.wait_for_message(patient, contains="Which one are you in?")
    bot.emu.send_text(patient, "Londn")
    offer = await bot.emu.wait_for_message(patient, contains="Did you mean")
    assert "London (Europe/London)" in offer.button_texts()
    bot.emu.press_button(patient, offer, "London (Europe/London)")
    await bot.emu.wait_for_message(patient, contains="Your time zone is Europe/London")
    assert _stored(bot, patient) == ("Europe/London", time(19, 0))
    # Forged suggestion data sets nothing that is not a real zone.
    bot.emu.press_button(patient, offer, callback_data="tz:z:Etc/GMT+5")
    await bot.emu.wait_for_message(patient, contains=texts.STALE_BUTTON)
    assert _stored(bot, patient) == ("Europe/London", time(19, 0))


async def test_quiet_hours_that_cover_the_check_in_time_get_the_same_warning(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, screen, callback_data="qh:menu")
    menu = await bot.emu.wait_for_message(patient, contains="Pick the hours")
    bot.emu.press_button(patient, menu, "9:00 PM–7:00 AM")  # the check-in stays at 7:00 PM: no warning
    await bot.emu.wait_for_message(patient, contains="Quiet hours are now")
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    assert "Quiet hours: 9:00 PM–7:00 AM\n" in screen.text
    bot.emu.press_button(patient, screen, texts.BTN_CHANGE_TIME)
    await bot.emu.wait_for_message(patient, contains="When would you like it?")
    bot.emu.send_text(patient, "11 pm")
    await bot.emu.wait_for_message(patient, contains="inside your quiet hours (9:00 PM–7:00 AM)")


async def test_after_a_crisis_at_the_time_question_other_words_reach_the_alerts_people(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 10-15: after a crisis typed at /settings' time question, "hello?? are you getting these"
    got "I didn't catch that time" and reached nobody, with the urgent alert open."""
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, screen, texts.BTN_CHANGE_TIME)
    asked = await bot.emu.wait_for_message(patient, contains="When would you like it?")
    bot.emu.send_text(patient, "doesnt matter, i wont be alive by then")
    await bot.emu.wait_for_message(patient, after=asked.message_id, contains="Are you safe right now?")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "hello?? are you getting these")
    await bot.emu.wait_for_message(COUNSELOR, after=card.message_id, contains="wrote again")
    passed = await bot.emu.wait_for_message(patient, contains="passed that")
    assert not [m for m in bot.emu.sent_to(patient) if "didn't catch that time" in m.text]
    bot.emu.send_text(patient, "8 pm")  # the question still waits for its answer
    await bot.emu.wait_for_message(patient, after=passed.message_id, contains="check-in is now at 8:00 PM")


async def test_a_time_typed_at_the_time_question_is_the_answer_whatever_the_screen_reads_below_crisis(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # newcomer5 finding 1: the learned layer read "a las 7:35 de la noche" (7:35 PM, typed for the check-in
    # time) as use; a brand-new patient was told she had relapsed and her counselor was flagged.
    real = screen_assess.assess

    def reads_use(text: str, **kw: Any) -> Assessment:
        if text == "7:35pm":
            return Assessment(Level.RELAPSE, ("relapse:learned",), "en")
        return real(text, **kw)

    monkeypatch.setattr(crisis_handler, "assess", reads_use)
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, screen, texts.BTN_CHANGE_TIME)
    await bot.emu.wait_for_message(patient, contains="When would you like it?")
    bot.emu.send_text(patient, "7:35pm")
    await bot.emu.wait_for_message(patient, contains="check-in is now at 7:35 PM")
    relapse = texts.relapse_response("en")[:40]
    assert not [m for m in bot.emu.sent_to(patient) if relapse in (m.text or "")]
    assert _stored(bot, patient) == ("America/New_York", time(19, 35))
    # Crisis words are never a form's answer, and a time that is not the whole text is not an answer.
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, screen, texts.BTN_CHANGE_TIME)
    await bot.emu.wait_for_message(patient, contains="When would you like it?")
    bot.emu.send_text(patient, "i used again last night")
    await bot.emu.wait_for_message(patient, contains=relapse)
    await bot.emu.wait_for_message(COUNSELOR, contains="substance use")
    # The barrier above: only the second message flagged the counselor.
    assert len([m for m in bot.emu.sent_to(COUNSELOR) if "substance use" in (m.text or "")]) == 1


async def test_in_aftercare_settings_says_the_check_in_is_weekly(bot: Harness, patient: int) -> None:
    """newcomer22 N220: after `patient discharge` (one check-in a week) /settings still said "Daily check-in"."""
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, found.with_changes(status="aftercare"))
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    assert "Weekly check-in: Mondays at 7:00 PM" in screen.text and "Daily" not in screen.text, screen.text
