"""Urgent alerts still open past their last reminder come back once a day (newcomer20 N200): after the last round
nothing more was sent; 2½ days later nobody had reached Drew and only a digest line knew of his alert."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import time_machine

from bot.domain.escalation import acknowledge, new_alert
from bot.jobs import stale_alerts
from tests.conftest import COUNSELOR, Harness


async def test_an_alert_past_its_last_reminder_comes_back_the_next_morning_once(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    tz = svc.settings.tz
    evening = datetime.combine(svc.now().astimezone(tz).date(), time(17, 27), tzinfo=tz)
    svc.worker.call(
        svc.repo.add_alert, new_alert("checkin", alex.patient_id, COUNSELOR, evening, "used a little")
    )
    with time_machine.travel(evening + timedelta(hours=2), tick=True):  # past its rounds, the same evening
        assert await stale_alerts.sweep(bot.app) == 0  # before the morning: the night's reminders stand
    morning = datetime.combine(evening.date() + timedelta(days=1), time(9, 5), tzinfo=tz)
    with time_machine.travel(morning, tick=True):
        assert await stale_alerts.sweep(bot.app) == 1
        card = await bot.emu.wait_for_message(COUNSELOR, contains="still open, past the last reminder")
        assert "Alex" in card.text and "acknowledge" in card.text, card.text
        assert await stale_alerts.sweep(bot.app) == 0  # once a day
    (alert,) = svc.worker.call(svc.repo.open_alerts)
    svc.worker.call(svc.repo.change_alert, alert.alert_id, lambda a: acknowledge(a, COUNSELOR, morning))
    with time_machine.travel(morning + timedelta(days=1), tick=True):
        assert await stale_alerts.sweep(bot.app) == 0  # acknowledged: nothing more
