"""No routine push right after a crisis (newcomer5 finding 40), and no endless wait either: for
``[alerts] routine_hold_hours`` after a crisis alert about the patient, the daily prompt, the skill practice and
the weekly questions wait, then go, acknowledged or not (an alert left open held them for days); the counselor's
page for the patient says until when."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot import texts
from bot.domain.daily import Deferred
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


async def _not_safe(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")


async def test_the_prompt_and_the_practice_wait_for_the_hold_and_go_while_the_alert_is_still_open(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    p = _patient(bot, patient)
    svc.worker.call(svc.repo.set_practice_time, p.patient_id, time(19, 0))
    with time_machine.travel(_local(1, time(18, 50)), tick=True):
        await _not_safe(bot, patient)
    with time_machine.travel(_local(1, time(19, 0)), tick=True):
        for kind in ("prompt", "practice"):
            with pytest.raises(Deferred):  # the daily sweep tries it again, it is not lost for the day
                await daily.run_now(bot.app, p.patient_id, kind)
        bot.emu.send_text(COUNSELOR, "/caseload")
        page = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
        bot.emu.press_button(COUNSELOR, page, "Alex")
        shown = await bot.emu.wait_for_message(COUNSELOR, contains="Routine pushes")
    assert "8:50 PM" in shown.text, shown.text  # the counselor sees until when they wait
    sent = [m.text for m in bot.emu.sent_to(patient)]
    assert not any(texts.CHECKIN_PROMPT in t or texts.PRACTICE_PROMPT in t for t in sent)
    day = datetime.now(NY).date() + timedelta(days=1)
    assert not svc.worker.call(svc.repo.was_sent, p.patient_id, f"prompt:{day}")  # unclaimed: it waits
    with time_machine.travel(_local(1, time(20, 51)), tick=True):  # the hold is over; nobody acknowledged
        assert [a.open for a in svc.worker.call(svc.repo.open_alerts)] == [True]
        await daily.run_now(bot.app, p.patient_id, "prompt")
        await daily.run_now(bot.app, p.patient_id, "practice")
    await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
    await bot.emu.wait_for_message(patient, contains=texts.PRACTICE_PROMPT)


async def test_the_weekly_questions_wait_for_the_hold_then_go_unacknowledged(
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
    with time_machine.travel(due + timedelta(hours=3), tick=True):  # past the hold, still not acknowledged
        await daily.sweep(bot.app)
    await bot.emu.wait_for_message(patient, contains=READY)
