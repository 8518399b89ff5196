"""The optional daily skill practice: one discreet prompt at the patient's chosen local time."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import time
from typing import Any

from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from bot import texts
from bot.checkins import local_date
from bot.coping import skill_of_the_day
from bot.handlers.ui import keyboard
from bot.models import Patient
from bot.practice import data
from bot.services import SERVICES_KEY, Context, Services

log = logging.getLogger(__name__)

AnyApp = Application[Any, Any, Any, Any, Any, Any]
ACTIVE = ("active", "aftercare")


def job_name(patient_id: str) -> str:
    """The JobQueue name of one patient's practice prompt."""
    return f"practice:{patient_id}"


def schedule(app: AnyApp, patient: Patient, at: time | None) -> None:
    """(Re)create one patient's daily practice job at local time `at`; None removes it."""
    queue = app.job_queue
    if queue is None:
        return
    name = job_name(patient.patient_id)
    for job in queue.get_jobs_by_name(name):
        job.schedule_removal()
    if at is None or patient.tz is None or patient.status not in ACTIVE:
        return
    # A tz-aware time: the trigger follows the patient's wall clock across DST changes.
    queue.run_daily(
        send_practice,
        at.replace(tzinfo=patient.tz),
        name=name,
        data=patient.patient_id,
        job_kwargs={"id": name, "replace_existing": True, "misfire_grace_time": 3600},
    )


def follow_patient(app: AnyApp, patient: Patient) -> None:
    """Reschedule after a time-zone or status change, keeping the stored practice time."""
    services: Services = app.bot_data[SERVICES_KEY]
    at = None
    if patient.status in ACTIVE and patient.tz is not None:
        at = services.worker.call(services.repo.practice_time, patient.patient_id)
    schedule(app, patient, at)


def chained(first: Callable[[AnyApp, Patient], None]) -> Callable[[AnyApp, Patient], None]:
    """A schedule-change hook that runs `first`, then follows the patient's practice job."""

    def both(app: AnyApp, patient: Patient) -> None:
        first(app, patient)
        follow_patient(app, patient)

    return both


def schedule_all(app: AnyApp, services: Services) -> int:
    """Rebuild every practice job at start-up (the JobQueue keeps nothing across restarts)."""

    def read() -> list[tuple[Patient, time]]:
        found = []
        for p in services.repo.patients():
            at = services.repo.practice_time(p.patient_id) if p.status in ACTIVE and p.tz else None
            if at is not None:
                found.append((p, at))
        return found

    chosen = services.worker.call(read)
    for patient, at in chosen:
        schedule(app, patient, at)
    return len(chosen)


async def send_practice(context: Context) -> None:
    """Today's practice prompt, once per local day, for the cohort's focus skill if there is one."""
    svc = context.svc
    pid = str(context.job.data) if context.job else ""
    patient = await svc.db(svc.repo.patient, pid) if pid else None
    if patient is None or patient.status not in ACTIVE or patient.tz is None:
        return
    if await svc.db(svc.repo.practice_time, pid) is None:
        return
    today = local_date(svc.now(), patient.tz)
    focus = await svc.db(svc.repo.cohort_focus, patient.cohort) if patient.cohort else None
    skill = skill_of_the_day(svc.skills, focus=focus, local_day=today, patient_key=pid)
    if not await svc.db(svc.repo.mark_sent, pid, f"practice:{today}"):
        return
    # The skill rides in the button, not the text: the prompt shows on the lock screen.
    markup = keyboard(
        [[(texts.BTN_PRACTICE_GO, data("p", skill.key)), (texts.BTN_PRACTICE_LATER, data("no"))]]
    )
    try:
        await context.bot.send_message(patient.telegram_id, texts.PRACTICE_PROMPT, reply_markup=markup)
    except Forbidden:
        log.info("patient %s blocked the bot; no practice prompt", pid)
    except TelegramError as exc:
        # Not sent: let a retry (or a restart inside the grace time) try again today.
        await svc.db(svc.repo.unmark_sent, pid, f"practice:{today}")
        log.warning("could not send the practice prompt to %s: %s", pid, exc)
