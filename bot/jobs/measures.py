"""The weekly measures push: one discreet "your weekly questions are ready" per patient and week."""

from __future__ import annotations

import logging
from datetime import datetime

from bot import texts
from bot.domain.checkins import local_date
from bot.domain.measures import minutes_needed, week_key
from bot.domain.models import Patient
from bot.jobs import prompts
from bot.telegram.keyboards import keyboard
from bot.telegram.services import App

log = logging.getLogger(__name__)
START = "ms:start"


async def send_measures(app: App, patient: Patient, due: datetime) -> None:
    """The push of the week it was due (`due`), once per local ISO week; the questions start from its button."""
    svc = app.bot_data.svc
    settings, pid = svc.settings, patient.patient_id
    if not settings.measures_enabled or patient.status != "active" or patient.tz is None:
        return
    # newcomer5 finding 40: "your weekly questions are ready" was the next thing after a crisis answer. The
    # week's questions wait (unclaimed) for the routine hold after the alert, acknowledged or not.
    await prompts.hold_after_crisis(app, patient, "weekly questions")
    key = f"measures:{week_key(local_date(due, patient.tz))}"
    if not await svc.db(svc.repo.mark_sent, pid, key):
        return
    # No questionnaire names in the text: it shows on the lock screen.
    minutes, es = minutes_needed(svc.instruments, settings.measures_instruments), patient.language == "es"
    text = texts.measures_push_es(minutes) if es else texts.measures_push(minutes)
    markup = keyboard([[(texts.BTN_MEASURES_START_ES if es else texts.BTN_MEASURES_START, START)]])
    await prompts.deliver(app, patient, text, markup, key)
