"""After `patient reassign`, the old counselor's reminders no longer sum up the moved patient's alerts
(newcomer N12: "…and 8 older alerts … (Lucia, …): open them from /caseload", Lucia no longer on her caseload)."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness, enroll_patient, say_hello
from tests.e2e.test_reassign_open_alerts import RAE, _cli
from tests.e2e.test_unanswered import _past_last_round

OTHER = 2002


async def test_the_old_counselors_reminders_leave_out_the_moved_patients_alerts(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    await enroll_patient(bot, OTHER, "Robin")
    bot.emu.send_text(patient, "i want to kill myself tonight")
    await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 1)
    # Its card on the record as delivered first: a sweep before that finds no delivery and sends nothing.
    await bot.emu.wait_until(lambda: all(a.deliveries for a in svc.worker.call(svc.repo.open_alerts)))
    later = _past_last_round(svc.settings, svc.now())
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(COUNSELOR, contains="last reminder")
        await _cli(bot, "patient_reassign", alias="Alex", counselor=str(RAE))
        told = await bot.emu.wait_for_message(COUNSELOR, contains="Rae Kim")
        bot.emu.send_text(OTHER, "i want to kill myself tonight")
        await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 2)
        await bot.emu.wait_until(lambda: all(a.deliveries for a in svc.worker.call(svc.repo.open_alerts)))
    then = later + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(then, tick=True):
        await deliver_due(bot.app)
        reminder = await bot.emu.wait_for_message(COUNSELOR, contains="Still not", after=told.message_id)
    assert "Robin" in reminder.text and "Alex" not in reminder.text, reminder.text
