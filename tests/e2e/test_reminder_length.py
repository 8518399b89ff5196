"""A reminder listing many open alerts always fits a Telegram message (audit).

Up to 20 alerts went in one message whatever their lines' length: 20 "PHQ-9 item 9 answered in words" lines
(190 characters of what happened alone) made it longer than Telegram takes, so it was refused ("message is
too long") at every sweep, logged as "not delivered yet", and nobody got the escalation. Now a reminder is cut
so that each message fits.
"""

from __future__ import annotations

from datetime import timedelta

from bot.domain.escalation import new_alert, with_delivery
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness

COUNT = 20


async def test_a_reminder_of_twenty_long_alerts_reaches_the_counselor_whole(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    raised = svc.now() - timedelta(minutes=svc.settings.escalate_after_minutes + 1)  # round 1 is due
    for _ in range(COUNT):
        # Its card went when it was raised (an alert nobody had yet goes as its card: ops O61).
        alert = with_delivery(
            new_alert("phq9_words", alex.patient_id, COUNSELOR, raised), 0, COUNSELOR, 1, raised
        )
        svc.worker.call(svc.repo.add_alert, alert)
    await deliver_due(bot.app)
    await bot.emu.wait_until(
        lambda: (
            sum(len(m.buttons) for m in bot.emu.sent_to(COUNSELOR) if "Still not acknowledged" in m.text)
            == COUNT
        )
    )
    reminders = [m for m in bot.emu.sent_to(COUNSELOR) if "Still not acknowledged" in m.text]
    assert len(reminders) > 1 and all(len(m.text) <= 4096 for m in reminders)
