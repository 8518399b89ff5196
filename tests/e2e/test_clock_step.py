"""A server clock stepped 3 hours forward (ops O44): every open alert's last reminder went out at once and its
patient was told nobody had answered, before the clock check saw the step. Now the alert sweep follows the time
that really passed until Telegram's clock agrees with the server's."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness

CRISIS = "honestly I just want to kill myself tonight"
STEP = timedelta(hours=3)


async def test_a_forward_step_of_the_server_clock_sends_no_reminder_and_tells_the_patient_nothing(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    svc = bot.services
    step = [timedelta(0)]
    svc.clock = lambda: datetime.now(UTC) + step[0]  # this server's clock, which will step
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await deliver_due(bot.app)  # a sweep on the right clock: the one the step is measured from
    step[0] = STEP  # this server's clock steps 3 hours ahead; Telegram's does not
    with caplog.at_level(logging.ERROR):
        await deliver_due(bot.app)
        await deliver_due(bot.app)
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "Still not acknowledged" in m.text]
    assert not [m for m in bot.emu.sent_to(patient) if "hasn't answered" in m.text]
    alerts = svc.worker.call(svc.repo.open_alerts)
    assert len(alerts) == 1 and {d.round for d in alerts[0].deliveries} == {0}
    assert any("stepped" in r.getMessage() for r in caplog.records)


async def test_a_clock_put_right_is_followed_once_telegram_agrees(bot: Harness, patient: int) -> None:
    """A server that ran 3 hours slow and is corrected (an NTP step forward): Telegram's clock agrees with the new
    time, so the rounds follow it at once."""
    svc = bot.services
    step = [-STEP]
    svc.clock = lambda: datetime.now(UTC) + step[0]
    await deliver_due(bot.app)  # the sweep's first look, on the slow clock
    step[0] = timedelta(0)
    from bot.jobs.escalation_clock import escalation_now

    now = await escalation_now(bot.app)
    assert now is not None and abs(now - datetime.now(UTC)) < timedelta(minutes=1)
