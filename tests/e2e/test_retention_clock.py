"""Retention erases only on a clock checked against Telegram's (ops O20).

Started with the clock two days ahead, the sweep erased a discharged patient's data 30 s after start-up, a
minute before the clock check said "ahead of Telegram's". It now waits for a measured clock, and skips with an
ERROR (the admins told in the clock's notice) while the clocks disagree by more than 2 minutes.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import timedelta

import pytest

from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.jobs import retention
from bot.jobs.clock import check_clock
from bot.telegram.services import Context
from tests.conftest import Harness, say_hello
from tests.e2e.clock_pin import pin_offset
from tests.e2e.test_retention import DAYS, OTHER, _discharged, _enroll, _with_data
from tests.e2e.test_retention import frozen_now as frozen_now  # one `now` for the whole test

ADMIN = 1003


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, retention_days=DAYS)


def _erasures(bot: Harness) -> list[dict[str, object]]:
    svc = bot.services
    return [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "retention_erased"]


async def test_the_sweep_waits_for_a_checked_clock_and_skips_while_it_is_off(
    bot: Harness, frozen_now: None, caplog: pytest.LogCaptureFixture
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    old = _discharged(bot, _enroll(bot, OTHER + 1, "Old"), DAYS + 1)
    _with_data(bot, old)
    look = Context(bot.app)

    pin_offset(bot, None)  # not compared with Telegram's yet
    await retention._sweep_job(look)
    assert not _erasures(bot) and svc.worker.call(svc.repo.safety_plan, old.patient_id) is not None
    assert bot.app.job_queue is not None and bot.app.job_queue.get_jobs_by_name(retention.RETRY)

    pin_offset(bot, timedelta(days=2))  # a clock two days ahead
    with caplog.at_level(logging.ERROR, logger="bot.jobs.irreversible"):
        await retention._sweep_job(look)
    assert not _erasures(bot) and svc.worker.call(svc.repo.safety_plan, old.patient_id) is not None
    assert any("skipped" in r.getMessage() and "ahead of" in r.getMessage() for r in caplog.records)
    await check_clock(look)  # the admins hear of it in the clock's one notice (ops O111)
    told = await bot.emu.wait_for_message(ADMIN, contains="clock of the server")
    assert "the retention sweep" in told.text, told.text

    pin_offset(bot, timedelta(seconds=1))  # the clocks agree
    await retention._sweep_job(look)
    assert [r["subject"] for r in _erasures(bot)] == [old.patient_id]  # one row for one erasure
    await retention._sweep_job(look)
    assert len(_erasures(bot)) == 1
