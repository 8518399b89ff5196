"""Timed jobs on a full disk: what could not be recorded is tried again, and never sent over and over."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
from datetime import timedelta

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.jobs import daily
from bot.jobs.alerts import deliver_due
from bot.store import storage
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_disk_faults import Disk


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    fake = Disk()
    monkeypatch.setattr(storage, "os", fake)
    return fake


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, measures_enabled=False)


async def test_a_prompt_due_on_a_full_disk_is_sent_once_there_is_room_and_a_counselor_is_told(
    bot: Harness, patient: int, disk: Disk
) -> None:
    """Newcomer finding 10b-22: at the check-in time on a full disk the day's prompt was lost (an ERROR in the
    log only) and not sent once the disk was free."""
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    daily.follow(bot.app, found)
    due = daily.plan_of(bot.app).next_at(found.patient_id, "prompt")
    assert due is not None
    disk.error = errno.ENOSPC
    with time_machine.travel(due + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(COUNSELOR, contains="Bot health")
    retry = daily.plan_of(bot.app).next_at(found.patient_id, "prompt")
    assert retry is not None and retry - due < timedelta(minutes=2)
    assert texts.CHECKIN_PROMPT not in [m.text for m in bot.emu.sent_to(patient)]
    disk.error = None
    with time_machine.travel(retry + timedelta(seconds=1), tick=True):
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
        await daily.sweep(bot.app)
        await bot.emu.settle(patient)
    assert [m.text for m in bot.emu.sent_to(patient)].count(texts.CHECKIN_PROMPT) == 1


async def test_a_reminder_sent_on_a_full_disk_is_not_sent_again_every_sweep(
    bot: Harness, patient: int, disk: Disk
) -> None:
    """Newcomer finding 10b-23: the last escalation reminder came every 30 s (6 in 3 minutes) while its
    delivery could not be recorded."""
    svc = bot.services
    bot.emu.send_text(patient, "i want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    disk.error = errno.ENOSPC
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        for _ in range(3):  # three sweeps, 30 s apart in the running bot
            # Before, the sweep failed (the job logged it) and the next one sent it again.
            with contextlib.suppress(OSError):
                await deliver_due(bot.app)
        await bot.emu.wait_for_message(COUNSELOR, contains="Still not acknowledged")
        await bot.emu.settle(COUNSELOR)
    reminders = [m for m in bot.emu.sent_to(COUNSELOR) if "Still not acknowledged" in m.text]
    assert len(reminders) == 1
