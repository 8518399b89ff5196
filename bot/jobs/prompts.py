"""Daily check-in prompts and the missed check-in ladder: when each is due, and sending it once."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from telegram.error import Forbidden, TelegramError

from bot import texts
from bot.config.settings import Settings
from bot.domain.checkin_ladder import missed_days, missed_flag_due, nudge_due, nudge_time
from bot.domain.checkins import local_date
from bot.domain.daily import Deferred, NextDue, RetryLater, next_local
from bot.domain.models import Patient
from bot.domain.quiet import quiet_now, window_or_off
from bot.jobs.blocked import patient_blocked
from bot.jobs.sending import send_paced, worth_retrying
from bot.telegram.keyboards import keyboard
from bot.telegram.services import App
from bot.texts.base import pick
from bot.usecases.lapse_follow import lapse_told_on
from bot.usecases.patient_text import routine_hold

log = logging.getLogger(__name__)


ACTIVE = ("active", "aftercare")
# Aftercare is lighter: one check-in a week, on Mondays.
AFTERCARE_DAYS = frozenset({0})


def _days(patient: Patient) -> frozenset[int] | None:
    return AFTERCARE_DAYS if patient.status == "aftercare" else None


def prompt_rule(settings: Settings) -> NextDue:
    """When a patient's next daily prompt is due (at their local check-in time)."""

    def next_due(patient: Patient, after: datetime) -> datetime | None:
        if patient.status not in ACTIVE or patient.tz is None or patient.checkin_time is None:
            return None
        return next_local(after, patient.checkin_time, patient.tz, _days(patient))

    return next_due


def nudge_rule(settings: Settings) -> NextDue:
    """When a patient's next nudge is due (after the prompt, kept out of their quiet hours)."""

    def next_due(patient: Patient, after: datetime) -> datetime | None:
        if patient.status not in ACTIVE or patient.tz is None or patient.checkin_time is None:
            return None
        at = nudge_time(patient.checkin_time, _nudge_after(settings), *window_or_off(patient, settings))
        return next_local(after, at, patient.tz, _days(patient)) if at is not None else None

    return next_due


async def send_prompt(app: App, patient: Patient, due: datetime) -> None:
    """Send the check-in prompt due at `due` once (filed under the local day it was due) unless that day's
    check-in is done, and flag two missed days in a row for the counselor."""
    svc = app.bot_data.svc
    if patient.tz is None:
        return
    now = svc.now()
    today = local_date(due, patient.tz)
    dates = {e.local_date for e in await svc.db(svc.repo.checkins, patient.patient_id)}
    missed = missed_days(
        today=today, checked_in_dates=dates, enrolled_on=local_date(patient.enrolled_at, patient.tz)
    )
    if missed_flag_due(missed, svc.settings.missed_days_flag):
        await svc.db(
            svc.repo.raise_flag, patient.patient_id, "missed_days", f"missed:{today}", now, {"days": missed}
        )
    if today in dates:
        return  # done already (early, or before the check-in time was moved later): a prompt would only nag
    await hold_after_crisis(app, patient, "prompt")  # raises Deferred: it goes once the hold is over
    if not await svc.db(svc.repo.mark_sent, patient.patient_id, f"prompt:{today}"):
        return
    lang = patient.language
    markup = keyboard([[(pick(lang, texts.BTN_START_CHECKIN, texts.BTN_START_CHECKIN_ES), "ci:start")]])
    text = pick(lang, texts.CHECKIN_PROMPT, texts.CHECKIN_PROMPT_ES)
    # The day after a lapse was told, the prompt asks how they are since (newcomer18 N174).
    if await svc.db(lapse_told_on, svc.repo, patient.patient_id, today - timedelta(days=1), patient.tz):
        text = pick(lang, texts.CHECKIN_PROMPT_AFTER_LAPSE, texts.CHECKIN_PROMPT_AFTER_LAPSE_ES)
    await deliver(app, patient, text, markup, f"prompt:{today}")


async def send_nudge(app: App, patient: Patient, due: datetime) -> None:
    """One gentle nudge when today's check-in is still missing, never in the patient's quiet hours (its day
    is found from now; the sweep drops a nudge, like a prompt, found after its day `due` is over)."""
    svc = app.bot_data.svc
    if patient.tz is None or patient.checkin_time is None:
        return
    now = svc.now()
    if quiet_now(now, patient, svc.settings):
        return
    quiet_start, quiet_end = window_or_off(patient, svc.settings)
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
        quiet_start=quiet_start,
        quiet_end=quiet_end,
    )
    if day is None or not await svc.db(svc.repo.mark_sent, patient.patient_id, f"nudge:{day}"):
        return
    if await in_crisis(app, patient, "nudge"):
        return
    lang = patient.language
    markup = keyboard([[(pick(lang, texts.BTN_START_CHECKIN, texts.BTN_START_CHECKIN_ES), "ci:start")]])
    await deliver(
        app, patient, pick(lang, texts.CHECKIN_NUDGE, texts.CHECKIN_NUDGE_ES), markup, f"nudge:{day}"
    )


async def in_crisis(app: App, patient: Patient, kind: str) -> bool:
    """True (and logged) while a crisis alert about the patient holds routine pushes: this one is left out.

    newcomer5 finding 40: "just a gentle reminder: your check-in is still open" came minutes after "I'm not
    safe". The hold lasts ``[alerts] routine_hold_hours`` after the alert was raised, acknowledged or not
    (an alert left open held every push for days).
    """
    svc = app.bot_data.svc
    hold = timedelta(hours=svc.settings.routine_hold_hours)
    if await svc.db(routine_hold, svc.repo, patient.patient_id, svc.now(), hold) is None:
        return False
    log.info(
        "%s for patient %s left out: routine pushes are on hold after an alert", kind, patient.patient_id
    )
    return True


async def hold_after_crisis(app: App, patient: Patient, kind: str) -> None:
    """Raise Deferred while a crisis alert about the patient holds routine pushes: the daily sweep tries this
    push again later (bot/jobs/daily.py), so it comes after the hold instead of being lost for the day."""
    svc = app.bot_data.svc
    hold = timedelta(hours=svc.settings.routine_hold_hours)
    until = await svc.db(routine_hold, svc.repo, patient.patient_id, svc.now(), hold)
    if until is not None:
        log.info("%s for patient %s waits until %s: routine pushes are on hold after an alert",
                 kind, patient.patient_id, until.isoformat(timespec="minutes"))  # fmt: skip
        raise Deferred(patient.patient_id)


async def deliver(app: App, patient: Patient, text: str, markup: Any, key: str) -> None:
    """Send one push already claimed under ``key``; the error policy every daily push shares."""
    svc = app.bot_data.svc
    # A push at a time the patient picked (check-in, practice) that falls inside their quiet hours
    # still comes at that time, but silently: it waits on the phone instead of waking them.
    silent = quiet_now(svc.now(), patient, svc.settings)
    try:
        await send_paced(app, patient.telegram_id, text, reply_markup=markup, disable_notification=silent)
    except Forbidden:
        # The patient blocked the bot: stop planning pushes for them, and tell their counselor.
        await patient_blocked(app, patient)
    except TelegramError as exc:
        if worth_retrying(exc):
            # Not delivered (Telegram down, or limits after the limiter's retries): forget the claim
            # so the next sweep tries again while it is still the same day.
            await svc.db(svc.repo.unmark_sent, patient.patient_id, key)
            raise RetryLater(str(exc)) from exc
        # Timed out (it may have arrived: no second copy) or refused for good: kept as sent.
        log.warning("could not send to patient %s: %s", patient.patient_id, exc)


def _nudge_after(settings: Settings) -> timedelta:
    return timedelta(hours=settings.nudge_after_hours)
