"""Issue 16: a series ended by the admin is announced, then leaves the index at the reminders sweep."""

from __future__ import annotations

from bot.admin.schedule import cancel_session
from bot.jobs import reminders
from tests.conftest import Harness
from tests.e2e.test_reminders import _setup


async def test_an_ended_series_is_announced_then_archived_by_the_sweep(bot: Harness, patient: int) -> None:
    series_id = _setup(bot, patient)
    svc = bot.services
    result = svc.worker.call(cancel_session, svc.repo, svc.settings, svc.now(), {"id": series_id})
    assert result["cancelled"] >= 1 and result["notified"] == 1
    await reminders.sweep(bot.app)
    await bot.emu.wait_for_message(patient, contains="cancelled")  # the notices went first
    assert svc.worker.call(svc.repo.series, series_id) is None
    assert svc.worker.call(svc.repo.pending_notices) == []
    archived = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "session_archived"]
    assert [(r["subject"], r["series"]["ended"]) for r in archived] == [(series_id, True)]
