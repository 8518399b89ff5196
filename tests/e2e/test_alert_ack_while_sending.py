"""An acknowledgement made while the alert sweep is still sending is kept (found in a full `make test` run).

The sweep holds its copy of an alert while Telegram answers; saving that copy whole after the send undid an
acknowledgement stored meanwhile, so a taken alert stayed open and escalated again.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.escalation import acknowledge
from bot.jobs import alerts
from bot.jobs.reach import send_to_counselor as real_send
from tests.conftest import COUNSELOR, Harness, say_hello, store_patient


async def test_an_acknowledgement_during_the_send_is_not_undone_by_the_sweep(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await say_hello(bot.emu, COUNSELOR)
    patient_id = store_patient(bot, 5001, "Alex")
    svc = bot.services
    patient = svc.worker.call(svc.repo.patient, patient_id)
    assert patient is not None

    acked: list[str] = []

    async def send_then_counselor_taps(app_bot: Any, services: Any, to: int, text: str, **kw: Any) -> Any:
        sent = await real_send(app_bot, services, to, text, **kw)
        # The counselor taps Acknowledge before the sweep records the delivery.
        for alert in svc.worker.call(svc.repo.open_alerts):
            svc.worker.call(svc.repo.save_alert, acknowledge(alert, COUNSELOR, svc.now()))
            acked.append(alert.alert_id)
        return sent

    monkeypatch.setattr(alerts, "send_to_counselor", send_then_counselor_taps)
    await alerts.raise_alert(bot.app, "crisis", patient, "words")

    assert acked, "the alert was never sent"
    stored = svc.worker.call(svc.repo.alert, acked[0])
    assert stored is not None and stored.acked_by == COUNSELOR  # the acknowledgement stands
    assert [d.to for d in stored.deliveries] == [COUNSELOR]  # and the delivery is on the record too
    assert svc.worker.call(svc.repo.open_alerts) == []
