"""INFO log lines never say which patient had a crisis (ops O121): "prompt for patient p… waits until …: a crisis
alert about them was just raised" at every start within the hold, though the README says an alert's kind is logged
only at DEBUG."""

from __future__ import annotations

import logging
from datetime import time

import pytest

from bot.domain.daily import Deferred
from bot.jobs import daily
from tests.conftest import COUNSELOR, Harness


async def test_a_push_held_after_an_alert_is_logged_without_its_kind(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    svc.worker.call(svc.repo.set_practice_time, p.patient_id, time(19, 0))
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    with caplog.at_level(logging.INFO), pytest.raises(Deferred):
        await daily.run_now(bot.app, p.patient_id, "practice")
    held = [
        r.getMessage() for r in caplog.records if r.levelno >= logging.INFO and p.patient_id in r.getMessage()
    ]
    assert held and not [m for m in held if "crisis" in m or "safe" in m], held
