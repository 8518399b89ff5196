"""The last-round "your care team hasn't answered" word repeats what fits the alert's kind (newcomer12 N82: after
"im gonna beat the shit out of my ex", answered "Please step away … move away from anything that could hurt
someone", the word at the last round said only "go to the nearest emergency room", the step-away part gone)."""

from __future__ import annotations

import time_machine

from bot.jobs.alerts import deliver_due
from tests.conftest import Harness
from tests.e2e.test_unanswered import NOT_YET, _alerts, _past_last_round, admin

__all__ = ["admin"]  # the fixture, used by name


async def _told_after(bot: Harness, patient: int, admin: int, words: str, kind: str, sign: str) -> str:
    svc = bot.services
    bot.emu.send_text(patient, words)
    await bot.emu.wait_until(lambda: any(a.kind == kind for a in _alerts(bot)))
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(admin, contains="last reminder")
        told = await bot.emu.wait_for_message(patient, contains=sign)
    return told.text


async def test_after_a_harm_to_others_alert_the_word_says_step_away(
    bot: Harness, patient: int, admin: int
) -> None:
    text = await _told_after(
        bot, patient, admin, "im gonna beat the shit out of my ex when i see him", "harm_others", NOT_YET
    )
    assert "step away" in text and "anything that could hurt someone" in text, text
    assert "988" in text


async def test_a_spanish_harm_to_others_word_says_step_away_in_spanish(
    bot: Harness, patient: int, admin: int
) -> None:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, found.with_changes(language="es"))
    text = await _told_after(
        bot, patient, admin, "voy a matar a golpes a mi ex cuando lo vea", "harm_others", "no ha respondido"
    )
    assert "aléjate" in text and "hacerle daño a alguien" in text, text


async def test_after_a_suicide_alert_the_word_says_nothing_of_stepping_away(
    bot: Harness, patient: int, admin: int
) -> None:
    text = await _told_after(bot, patient, admin, "i just want to kill myself tonight", "crisis", NOT_YET)
    assert "step away" not in text and "emergency room" in text
