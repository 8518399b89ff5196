"""Retention: once a day, erase the data of patients who left active treatment long enough ago."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.domain.retention import ERASED, past_retention, unstamped
from bot.jobs.irreversible import clock_checked
from bot.store.repository import Repository
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)
INTERVAL = 24 * 3600  # seconds; the period is counted in days, so a daily sweep is on time
FIRST = 30  # seconds after start-up: a bot restarted daily still sweeps
AGAIN, RETRY = 60, "retention-retry"  # seconds: the next look while the clock is unchecked or off


def schedule(app: App) -> None:
    """Start the daily sweep (at start-up), unless the program keeps data without limit."""
    svc = app.bot_data.svc
    if app.job_queue is not None and svc.settings.retention_days > 0:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=FIRST, name="retention")


async def _sweep_job(context: Context) -> None:
    """Erase what is past the retention period, on a clock checked against Telegram's (ops O20: 30 s after a
    start two days ahead, a discharged patient's data was erased for good); otherwise look again later."""
    app: App = context.application
    now = app.bot_data.svc.now()
    # A retry carries when the waiting began (the clock may never be measured: a proxy without Date headers).
    since = context.job.data if context.job is not None and isinstance(context.job.data, datetime) else now
    if await clock_checked(app, "the retention sweep", now - since):
        await sweep(app)
    elif app.job_queue is not None and not app.job_queue.get_jobs_by_name(RETRY):
        app.job_queue.run_once(_sweep_job, when=AGAIN, name=RETRY, data=since)


async def sweep(app: App) -> list[str]:
    """Run the rule on the store worker; returns the erased patients' ids."""
    svc = app.bot_data.svc
    erased = await svc.db(enforce, svc.repo, svc.now(), svc.settings.retention_days)
    if erased:
        log.info("retention: erased the data of %d patient(s): %s", len(erased), ", ".join(erased))
    return erased


def enforce(repo: Repository, now: datetime, days: int) -> list[str]:
    """Erase, the way /delete does, each patient past retention; audit the fact only. Worker thread."""
    if days <= 0:
        return []
    for patient in unstamped(repo.patients()):
        # Left before departure times were kept: start their period now rather than guess.
        repo.save_patient(patient.with_changes(status_changed_at=now))
    patients = repo.patients()
    last_checkin = {
        p.patient_id: max(e.ts for e in entries)
        for p in patients
        if p.status == "aftercare" and (entries := repo.checkins(p.patient_id))
    }
    due = past_retention(patients, now, days, repo.erasures(), last_checkin)
    for patient in due:
        repo.erase_patient_data(patient.patient_id)
        repo.record_erasure(patient.patient_id, now, how="retention")
        repo.audit(now, 0, ERASED, patient.patient_id)
    if due:
        repo.inbox.scrub()  # the updates that carried their words, as Telegram delivered them
    return [p.patient_id for p in due]
