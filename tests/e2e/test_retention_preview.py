"""`doctor`'s retention preview with a bot running (ops O75): an admin checking a new retention_days before the
restart, as the README advises, read "nobody who left has data waiting to be erased" because the running bot
reckoned with its own period (none); three patients' data would have gone at the next sweep after the restart."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

import pytest

from bot.admin.doctor_retention import retention_check
from tests.conftest import Harness


async def test_the_preview_uses_the_period_of_the_file_doctor_reads_while_a_bot_runs(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = bot.services
    assert svc.settings.retention_days == 0  # the running bot keeps data without limit
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    left = svc.now() - timedelta(hours=1)
    svc.worker.call(svc.repo.save_patient, found.with_changes(status="withdrawn", status_changed_at=left))
    monkeypatch.setenv("IOP_DATA_KEY", svc.settings.data_keys[0])
    edited = dataclasses.replace(svc.settings, retention_days=1)  # the new file, before the restart
    # Through the running bot's control socket (in a thread: this loop is the bot's).
    (line,) = await asyncio.to_thread(lambda: list(retention_check(edited)))
    assert "1 day(s)" in line.message and "next erasures: Alex" in line.message, line.message
