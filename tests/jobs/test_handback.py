"""The hand-back on a counselor's first morning back from away (newcomer20 N201): "away" ended on its day and
nobody was told; Dana's first morning back had no word of what Pat acknowledged and how, or of the messages her
patients sent that nobody answered, and Pat was not told his cover had ended."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta

import time_machine

from bot.domain.away import Away
from bot.domain.checkins import local_date
from bot.domain.escalation import acknowledge, new_alert
from bot.jobs import handback
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_counselor_away import PAT, _staff


async def test_the_first_morning_back_hands_back_what_happened_to_both_once(
    bot: Harness, patient: int
) -> None:
    await _staff(bot)
    svc = bot.services
    tz = svc.settings.tz
    today = local_date(svc.now(), tz)
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    svc.worker.call(svc.repo.set_away, Away(COUNSELOR, today + timedelta(days=2), PAT), (), svc.now())
    raised = svc.now() + timedelta(minutes=5)  # after the away began (at any hour the test runs)
    alert = new_alert("crisis", alex.patient_id, COUNSELOR, raised, "i have my dads gun")
    svc.worker.call(svc.repo.add_alert, alert)
    acked = raised + timedelta(hours=14)
    svc.worker.call(
        svc.repo.change_alert,
        alert.alert_id,
        lambda a: dataclasses.replace(acknowledge(a, PAT, acked), ack_note="gun locked at his dad's"),
    )
    svc.worker.call(svc.repo.record_message, alex.patient_id, "patient", PAT, patient, "hey is 10am still good?",
                    raised + timedelta(minutes=5), relayed=True)  # fmt: skip
    back = datetime.combine(today + timedelta(days=2), time(9, 1), tzinfo=tz)
    with time_machine.travel(back - timedelta(hours=2), tick=True):
        assert await handback.sweep(bot.app) == 0  # before the morning
    with time_machine.travel(back, tick=True):
        assert await handback.sweep(bot.app) == 1
        note = await bot.emu.wait_for_message(COUNSELOR, contains="Welcome back")
        ended = await bot.emu.wait_for_message(PAT, contains="Your cover for Dana Rivera has ended")
        assert await handback.sweep(bot.app) == 0  # once
    for text in (note.text, ended.text):
        assert "Alex: crisis language" in text and "acknowledged by Pat Kim" in text, text
        assert "📝 gun locked at his dad's" in text, text
        assert "Messages waiting for an answer" in text and "Alex: 1 message" in text, text
    assert "Pat Kim covered for you" in note.text
