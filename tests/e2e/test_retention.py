"""Retention end to end: the daily sweep erases a patient past the period and keeps one within it."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from bot.admin.records import discharge
from bot.config.settings import Settings
from bot.domain.models import Patient
from bot.jobs import retention
from tests.conftest import Harness, enrolled_code

DAYS = 30
OTHER = 2002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, retention_days=DAYS)


def _enroll(bot: Harness, telegram_id: int, alias: str) -> Patient:
    code = enrolled_code(bot.services, alias)

    def enroll() -> Patient:
        from bot.domain.enrollment import hash_code

        invitation = bot.services.repo.code(hash_code(code))
        assert invitation is not None
        return bot.services.repo.enroll(invitation, telegram_id, bot.services.now())

    return bot.services.worker.call(enroll)


def _with_data(bot: Harness, patient: Patient) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.set_plan_section, patient.patient_id, "help", "Sam 555-0199", svc.now())


def _discharged(bot: Harness, patient: Patient, days_ago: int) -> Patient:
    """Discharge the way the CLI does, then move the discharge back in time."""
    svc = bot.services
    svc.worker.call(discharge, svc.repo, svc.settings, svc.now(), {"alias": patient.alias})
    stored = svc.worker.call(svc.repo.patient, patient.patient_id)
    assert stored is not None and stored.status == "aftercare" and stored.status_changed_at == svc.now()
    moved = stored.with_changes(status_changed_at=svc.now() - timedelta(days=days_ago))
    svc.worker.call(svc.repo.save_patient, moved)
    return moved


@pytest.fixture
def frozen_now(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """One `now` for the whole test, so "discharged 31 days ago" stays exactly that."""
    now = bot.services.now()
    monkeypatch.setattr(bot.services, "clock", lambda: now)


async def test_the_sweep_erases_a_patient_past_retention_and_keeps_one_within_it(
    bot: Harness, frozen_now: None
) -> None:
    svc = bot.services
    old = _discharged(bot, _enroll(bot, OTHER + 1, "Old"), DAYS + 1)
    recent = _discharged(bot, _enroll(bot, OTHER, "Recent"), DAYS - 1)
    for p in (old, recent):
        _with_data(bot, p)
    shard = svc.settings.data_dir / "patients" / f"{old.patient_id}.json"
    assert shard.exists()

    assert await retention.sweep(bot.app) == [old.patient_id]

    assert not shard.exists() and svc.worker.call(svc.repo.safety_plan, old.patient_id) is None
    assert svc.worker.call(svc.repo.safety_plan, recent.patient_id) is not None
    assert svc.worker.call(svc.repo.patient, old.patient_id) is not None  # the enrollment record stays
    erasures = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "retention_erased"]
    assert erasures == [
        {"at": svc.now().isoformat(), "actor": 0, "action": "retention_erased", "subject": old.patient_id}
    ]
    assert await retention.sweep(bot.app) == []  # once per departure: the next day changes nothing


async def test_a_patient_who_left_before_departures_were_recorded_starts_the_period_now(
    bot: Harness, frozen_now: None
) -> None:
    svc = bot.services
    legacy = _enroll(bot, OTHER, "Legacy").with_changes(status="withdrawn")
    svc.worker.call(svc.repo.save_patient, legacy)
    _with_data(bot, legacy)
    assert await retention.sweep(bot.app) == []
    stamped = svc.worker.call(svc.repo.patient, legacy.patient_id)
    assert stamped is not None and stamped.status_changed_at == svc.now()
    assert svc.worker.call(svc.repo.safety_plan, legacy.patient_id) is not None


async def test_active_patients_are_kept_and_the_daily_job_is_planned(bot: Harness, patient: int) -> None:
    svc = bot.services
    active = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert active is not None
    _with_data(bot, active)
    assert await retention.sweep(bot.app) == []
    assert svc.worker.call(svc.repo.safety_plan, active.patient_id) is not None
    assert bot.app.job_queue is not None and bot.app.job_queue.get_jobs_by_name("retention")


async def test_without_a_retention_period_no_job_is_planned(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue = bot.app.job_queue
    assert queue is not None
    for job in queue.get_jobs_by_name("retention"):
        job.schedule_removal()
    monkeypatch.setattr(bot.services, "settings", Settings())
    retention.schedule(bot.app)
    assert queue.get_jobs_by_name("retention") == ()
