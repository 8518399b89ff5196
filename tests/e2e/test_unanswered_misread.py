"""A patient who answered "You misunderstood me" is not told at the last round to go to the emergency room
(newcomer12 N65: a break-up read as crisis words, "You misunderstood me", then "Your care team hasn't answered
... go to the nearest emergency room", alarming and senseless to them). The counselor side escalates as before."""

from __future__ import annotations

import time_machine

from bot import texts
from bot.jobs.alerts import deliver_due
from tests.conftest import Harness
from tests.e2e.test_unanswered import NOT_YET, _alerts, _past_last_round, admin

__all__ = ["admin"]  # the fixture, used by name


async def test_after_you_misunderstood_me_the_last_round_word_is_not_go_to_the_er(
    bot: Harness, patient: int, admin: int
) -> None:
    svc = bot.services
    bot.emu.send_text(patient, "i just want to kill myself tonight")
    question = await bot.emu.wait_for_message(patient, contains="?")
    bot.emu.press_button(patient, question, texts.BTN_MISREAD)
    await bot.emu.wait_for_message(patient, after=question.message_id)
    assert _alerts(bot)  # the alert stays open and escalates
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(admin, contains="last reminder")
        told = await bot.emu.wait_for_message(patient, contains="misread")
    assert NOT_YET not in told.text and "emergency room" not in told.text
    assert "988" in told.text and "/sos" in told.text  # the lines stay in reach
    assert all(a.patient_told_at is not None for a in _alerts(bot))  # told once: not again at every sweep
