"""An alert raised while this server's clock was known to be 3 h ahead of Telegram's kept that future time after
the clock was fixed (ops O69): cards said "5:27 PM CST (0 min open)" at 2:47 PM, and the record said the crisis
came 3 h after it did. The offset is kept with the alert (and on its `alert_raised` row); once the clocks agree
again its times are put right, on the record, and its next card says how long it has really been open."""

from __future__ import annotations

from datetime import timedelta

from bot.jobs.alerts import deliver_due, raise_alert
from bot.jobs.clock import check_clock
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness
from tests.e2e.clock_pin import pin_offset

AHEAD = timedelta(hours=3)


async def test_an_alert_raised_on_a_clock_ahead_is_put_right_when_the_clock_is(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    pin_offset(bot, AHEAD)  # this server's clock 3 h ahead of Telegram's, as measured
    await raise_alert(bot.app, "crisis", alex, "words")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    (alert,) = svc.worker.call(svc.repo.open_alerts)
    assert alert.clock_ahead == AHEAD.total_seconds()
    (raised,) = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "alert_raised"]
    assert raised["clock_ahead_s"] == 3 * 3600
    pin_offset(bot, timedelta(0))  # the clock is put right
    await check_clock(Context(bot.app))
    (fixed,) = svc.worker.call(svc.repo.open_alerts)
    assert fixed.created_at == alert.created_at - AHEAD and fixed.clock_ahead == 0
    (row,) = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "alert_time_corrected"]
    assert row["alert"] == alert.alert_id and row["by_s"] == 3 * 3600
    await deliver_due(bot.app)  # its real age: 3 h open, its rounds due
    late = await bot.emu.wait_for_message(COUNSELOR, contains="Still not acknowledged", after=card.message_id)
    assert "3 h" in late.text, late.text
