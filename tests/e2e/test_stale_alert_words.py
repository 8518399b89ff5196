"""An alert nobody acknowledged days ago no longer takes the patient's words (newcomer18 N168): with two urgent
alerts from three months before still open, the answer to /settings' time-zone question went to the counselors,
and the question silently stayed open."""

from __future__ import annotations

from datetime import timedelta

from bot import texts
from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness


def _old_alert(bot: Harness, patient: int, days: float) -> None:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    at = svc.now() - timedelta(days=days)
    svc.worker.call(
        svc.repo.add_alert, Alert(f"old{days}", "crisis", p.patient_id, COUNSELOR, at, "i want to die")
    )


async def test_a_zone_sentence_under_an_alert_days_old_answers_the_question(
    bot: Harness, patient: int
) -> None:
    _old_alert(bot, patient, 5)
    bot.emu.send_text(patient, "/settings")
    screen = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, screen, texts.BTN_CHANGE_ZONE)
    await bot.emu.wait_for_message(patient, contains="Which one are you in?")
    bot.emu.send_text(patient, "visiting my mom in honolulu this week")
    await bot.emu.wait_for_message(patient, contains="Your time zone is Pacific/Honolulu")
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "Alex" in m.text and "wrote" in m.text]


async def test_words_under_an_alert_of_this_morning_still_reach_its_people(
    bot: Harness, patient: int
) -> None:
    _old_alert(bot, patient, 0.5)
    bot.emu.send_text(patient, "ok im home now")
    await bot.emu.wait_for_message(patient, contains="passed that to Dana Rivera")
