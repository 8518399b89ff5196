"""After the running bot's clock jumped weeks ahead, each patient got one "Your weekly questions are ready" per
missed week, in a burst, while the day's pushes were dropped as late (newcomer N162). A weekly push whose next
week is already due is dropped too: at most one goes, the current week's."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from bot.jobs import daily
from tests.conftest import Harness
from tests.e2e.test_prompts import _patient

READY = "weekly questions are ready"


async def test_a_jump_of_weeks_sends_one_weekly_push_not_one_per_missed_week(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    p = _patient(bot, patient)
    plan = daily.plan_of(bot.app)
    due = plan.next_at(p.patient_id, "measures")
    assert due is not None
    with time_machine.travel(due + timedelta(weeks=3, hours=2), tick=True):
        for _ in range(6):  # a sweep walks one missed week at a time
            await daily.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains=READY)  # the current week's: the positive barrier
        after = plan.next_at(p.patient_id, "measures")
    await bot.emu.settle()
    assert len([m for m in bot.emu.sent_to(patient) if READY in m.text]) == 1
    assert after is not None and after > due + timedelta(weeks=3, hours=2)  # the next week's is planned
    assert caplog.text.count("measures for patient") == 3, caplog.text  # the 3 missed weeks, each said
