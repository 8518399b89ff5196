"""No routine push right after a crisis (newcomer5 finding 40): while a crisis alert about the patient is
followed, the daily prompt and the skill practice are left out for that day and the weekly questions wait."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot import texts
from bot.domain.escalation import acknowledge
from bot.domain.models import Patient
from bot.jobs import daily
from tests.conftest import COUNSELOR, Harness

NY = ZoneInfo("America/New_York")
READY = "weekly questions are ready"


def _patient(bot: Harness, telegram_id: int) -> Patient:
    found = bot.services.worker.call(bot.services.repo.patient_by_telegram, telegram_id)
    assert found is not None
    return found


def _local(days_ahead: int, at: time) -> datetime:
    day = datetime.now(NY).date() + timedelta(days=days_ahead)
    return datetime.combine(day, at, tzinfo=NY).astimezone(UTC)


def _acknowledge_all(bot: Harness, p: Patient, now: datetime) -> None:
    svc = bot.services
    for row in svc.worker.call(svc.repo.patient_alerts, p.patient_id):
        svc.worker.call(svc.repo.change_alert, row["alert_id"], lambda a: acknowledge(a, COUNSELOR, now))


async def _not_safe(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")


async def test_the_prompt_and_the_practice_are_left_out_while_a_crisis_alert_is_followed(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    p = _patient(bot, patient)
    svc.worker.call(svc.repo.set_practice_time, p.patient_id, time(19, 0))
    with time_machine.travel(_local(1, time(18, 50)), tick=True):
        await _not_safe(bot, patient)
    with time_machine.travel(_local(1, time(19, 0)), tick=True):
        await daily.run_now(bot.app, p.patient_id, "prompt")  # returns once anything it sends was sent
        await daily.run_now(bot.app, p.patient_id, "practice")
    sent = [m.text for m in bot.emu.sent_to(patient)]
    assert not any(texts.CHECKIN_PROMPT in t or texts.PRACTICE_PROMPT in t for t in sent)
    day = datetime.now(NY).date() + timedelta(days=1)
    assert svc.worker.call(svc.repo.was_sent, p.patient_id, f"prompt:{day}")  # that day's, not retried
    assert svc.worker.call(svc.repo.was_sent, p.patient_id, f"practice:{day}")
    with time_machine.travel(_local(2, time(19, 0)), tick=True):  # the alert is acknowledged and old
        _acknowledge_all(bot, p, svc.now())
        await daily.run_now(bot.app, p.patient_id, "prompt")
    await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)


async def test_the_weekly_questions_wait_until_the_alert_is_no_longer_followed(
    bot: Harness, patient: int
) -> None:
    p = _patient(bot, patient)
    daily.follow(bot.app, p)
    due = daily.plan_of(bot.app).next_at(p.patient_id, "measures")
    assert due is not None
    with time_machine.travel(due - timedelta(minutes=5), tick=True):
        await _not_safe(bot, patient)
    with time_machine.travel(due + timedelta(seconds=1), tick=True):
        await daily.sweep(bot.app)
        again = daily.plan_of(bot.app).next_at(p.patient_id, "measures")
    assert not any(READY in m.text for m in bot.emu.sent_to(patient))
    assert again is not None and again - due < timedelta(hours=1)  # waits, not skipped to next week
    _acknowledge_all(bot, p, due)
    with time_machine.travel(due + timedelta(hours=3), tick=True):
        await daily.sweep(bot.app)
    await bot.emu.wait_for_message(patient, contains=READY)
