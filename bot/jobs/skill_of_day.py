"""The optional daily skill practice: one discreet prompt at the patient's chosen local time."""

from __future__ import annotations

import logging
from datetime import datetime

from bot import texts
from bot.domain.checkins import local_date
from bot.domain.coping import skill_of_the_day
from bot.domain.daily import next_local
from bot.domain.models import Patient
from bot.domain.practice import data
from bot.jobs import prompts
from bot.telegram.keyboards import keyboard
from bot.telegram.services import App

log = logging.getLogger(__name__)

ACTIVE = ("active", "aftercare")


def practice_rule(patient: Patient, after: datetime) -> datetime | None:
    """When a patient's next practice prompt is due (their chosen local time), or None when off."""
    if patient.status not in ACTIVE or patient.tz is None or patient.practice_time is None:
        return None
    return next_local(after, patient.practice_time, patient.tz)


async def send_practice(app: App, patient: Patient, due: datetime) -> None:
    """The practice prompt due at `due`, once per local day (the day it was due), for the cohort's focus
    skill if there is one."""
    svc = app.bot_data.svc
    pid = patient.patient_id
    if patient.status not in ACTIVE or patient.tz is None or patient.practice_time is None:
        return
    today = local_date(due, patient.tz)
    focus = await svc.db(svc.repo.cohort_focus, patient.cohort) if patient.cohort else None
    skill = skill_of_the_day(svc.skills, focus=focus, local_day=today, patient_key=pid)
    await prompts.hold_after_crisis(app, patient, "practice")  # raises Deferred: it goes after the hold
    if not await svc.db(svc.repo.mark_sent, pid, f"practice:{today}"):
        return
    # The skill rides in the button, not the text: the prompt shows on the lock screen.
    es = patient.language == "es"
    go, later = (
        (texts.BTN_PRACTICE_GO_ES, texts.BTN_PRACTICE_LATER_ES)
        if es
        else (texts.BTN_PRACTICE_GO, texts.BTN_PRACTICE_LATER)
    )
    markup = keyboard([[(go, data("p", skill.key)), (later, data("no"))]])
    prompt = texts.PRACTICE_PROMPT_ES if es else texts.PRACTICE_PROMPT
    await prompts.deliver(app, patient, prompt, markup, f"practice:{today}")
