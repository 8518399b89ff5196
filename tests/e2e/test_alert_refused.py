"""An alert Telegram refuses for good (a 400 that trying again will not change) is an ERROR, never a WARNING
that reads as a passing outage (audit): it is tried at every sweep and would never arrive."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.devtools.emulator import ApiError
from bot.domain.escalation import new_alert
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness

REFUSED = ApiError(400, "Bad Request: can't parse entities: unexpected end tag at byte offset 12")


def _refused(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "parse entities" in r.getMessage()]


@pytest.mark.parametrize("minutes", [0, 16], ids=["card", "reminder"])
async def test_a_refused_alert_is_an_error(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture, minutes: int
) -> None:
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    alert = new_alert("crisis", alex.patient_id, COUNSELOR, svc.now() - timedelta(minutes=minutes))
    bot.emu.faults.fail_next("sendMessage", REFUSED)
    svc.worker.call(svc.repo.add_alert, alert)
    await deliver_due(bot.app)
    assert _refused(caplog) and all(r.levelno >= logging.ERROR for r in _refused(caplog))
