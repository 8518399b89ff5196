"""Daily check-in prompts and the missed check-in ladder, rebuilt from stored patients at start-up."""

from __future__ import annotations

import logging
from datetime import time, timedelta
from typing import Any

from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, CallbackContext, Job

from bot import texts
from bot.checkins import local_date
from bot.handlers.ui import keyboard
from bot.ladder import in_quiet_hours, missed_days, missed_flag_due, nudge_due, nudge_time
from bot.models import Patient
from bot.services import SERVICES_KEY, Context, Services
from bot.settings import Settings

log = logging.getLogger(__name__)


def schedule_patient(app: Application[Any, Any, Any, Any, Any, Any], patient: Patient) -> None:
    """(Re)create one patient's daily prompt and nudge jobs from their stored settings."""
    queue = app.job_queue
    if queue is None:
        return
    for name in (f"prompt:{patient.patient_id}", f"nudge:{patient.patient_id}"):
        for job in queue.get_jobs_by_name(name):
            job.schedule_removal()
    if patient.status not in ("active", "aftercare") or patient.tz is None or patient.checkin_time is None:
        return
    settings = app.bot_data[SERVICES_KEY].settings
    at = patient.checkin_time.replace(tzinfo=patient.tz)
    nudge_at = nudge_time(
        patient.checkin_time, _nudge_after(settings), settings.quiet_start, settings.quiet_end
    )
    jobs: list[tuple[str, Any, time]] = [(f"prompt:{patient.patient_id}", send_prompt, at)]
    if nudge_at is not None:
        jobs.append((f"nudge:{patient.patient_id}", send_nudge, nudge_at.replace(tzinfo=patient.tz)))
    # The trigger uses the time's tzinfo, so the prompt follows the patient's wall clock across DST.
    # Aftercare is lighter: one check-in a week (PTB counts days from 0 = Sunday; 1 = Monday).
    days = (1,) if patient.status == "aftercare" else tuple(range(7))
    for name, callback, when in jobs:
        queue.run_daily(
            callback,
            when,
            days=days,
            name=name,
            data=patient.patient_id,
            job_kwargs={"id": name, "replace_existing": True, "misfire_grace_time": 3600},
        )


def schedule_all(app: Application[Any, Any, Any, Any, Any, Any], services: Services) -> int:
    """Rebuild every patient's jobs at start-up (the JobQueue keeps nothing across restarts)."""
    patients = services.worker.call(services.repo.patients)
    for patient in patients:
        schedule_patient(app, patient)
    return len(patients)


async def send_prompt(context: Context) -> None:
    """Send today's check-in prompt once, and flag two missed days in a row for the counselor."""
    svc, patient = _services(context), await _patient(context)
    if patient is None or patient.tz is None:
        return
    now = svc.now()
    today = local_date(now, patient.tz)
    dates = {e.local_date for e in await svc.db(svc.repo.checkins, patient.patient_id)}
    missed = missed_days(
        today=today, checked_in_dates=dates, enrolled_on=local_date(patient.enrolled_at, patient.tz)
    )
    if missed_flag_due(missed, svc.settings.missed_days_flag):
        await svc.db(
            svc.repo.raise_flag, patient.patient_id, "missed_days", f"missed:{today}", now, {"days": missed}
        )
    if not await svc.db(svc.repo.mark_sent, patient.patient_id, f"prompt:{today}"):
        return
    markup = keyboard([[(texts.BTN_START_CHECKIN, "ci:start")]])
    await _send(context, patient, texts.CHECKIN_PROMPT, markup)


async def send_nudge(context: Context) -> None:
    """One gentle nudge when today's check-in is still missing, never in quiet hours."""
    svc, patient = _services(context), await _patient(context)
    if patient is None or patient.tz is None or patient.checkin_time is None:
        return
    now = svc.now()
    if in_quiet_hours(now, patient.tz, svc.settings.quiet_start, svc.settings.quiet_end):
        return
    dates = {e.local_date for e in await svc.db(svc.repo.checkins, patient.patient_id)}
    today = local_date(now, patient.tz)
    nudged = {today} if await svc.db(svc.repo.was_sent, patient.patient_id, f"nudge:{today}") else set()
    day = nudge_due(
        now=now,
        tz=patient.tz,
        prompt_at=patient.checkin_time,
        nudge_after=_nudge_after(svc.settings),
        checked_in_dates=dates,
        nudged_dates=nudged,
        quiet_start=svc.settings.quiet_start,
        quiet_end=svc.settings.quiet_end,
    )
    if day is None or not await svc.db(svc.repo.mark_sent, patient.patient_id, f"nudge:{day}"):
        return
    await _send(context, patient, texts.CHECKIN_NUDGE, keyboard([[(texts.BTN_START_CHECKIN, "ci:start")]]))


async def _send(context: Context, patient: Patient, text: str, markup: Any) -> None:
    svc = _services(context)
    try:
        await context.bot.send_message(patient.telegram_id, text, reply_markup=markup)
    except Forbidden:
        # The patient blocked the bot: stop scheduling them instead of failing every day.
        log.warning("patient %s blocked the bot; marked inactive", patient.patient_id)
        await svc.db(svc.repo.save_patient, patient.with_changes(status="inactive"))
        schedule_patient(context.application, patient.with_changes(status="inactive"))
    except TelegramError as exc:
        log.warning("could not send to patient %s: %s", patient.patient_id, exc)


def _nudge_after(settings: Settings) -> timedelta:
    return timedelta(hours=settings.nudge_after_hours)


def _services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    services: Services = context.bot_data[SERVICES_KEY]
    return services


async def _patient(context: Context) -> Patient | None:
    job: Job[Any] | None = context.job
    svc = _services(context)
    patient = await svc.db(svc.repo.patient, str(job.data)) if job else None
    return patient if patient is not None and patient.status in ("active", "aftercare") else None
