"""Set-up that a crisis interrupted is asked again (newcomer6 finding 34).

Crisis words typed at the time-zone question got their answer and paged, and the question then waited
silently: days later the patient was still "setting up", with no check-in prompts, session reminders or
weekly questions, and nobody was told. Once the routine hold after that alert is over (the same hold the
routine pushes keep, bot/domain/follow.py), the waiting set-up question is asked once more, with a way on
(the program's zone for now); the counselor's caseload row, page and digest say the patient has not finished
set-up and gets nothing planned until they do.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram.error import Forbidden, TelegramError

from bot import texts
from bot.domain.escalation import Alert
from bot.domain.follow import FOLLOWS
from bot.domain.models import Patient
from bot.domain.quiet import quiet_now
from bot.domain.timezones import city
from bot.jobs.blocked import patient_blocked
from bot.jobs.sending import worth_retrying
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable
from bot.telegram.keyboards import in_rows, keyboard
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)
INTERVAL = 300  # seconds between sweeps: set-up waits hours, a few minutes more do not matter
SETUP_TZ, SETUP_TIME = "setup_tz", "setup_time"  # the pending-input kinds of bot/handlers/setup_questions.py


def schedule(app: App) -> None:
    """Start the sweep (at start-up)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=30.0, name="setup-again")


async def _sweep_job(context: Context) -> None:
    await sweep(context.application)


def interrupted(repo: Repository, now: datetime, hold: timedelta) -> list[tuple[Patient, Alert]]:
    """Active patients whose set-up a crisis alert interrupted, past the routine hold (store thread): each
    with the newest such alert (the question is asked again once per alert)."""
    found = []
    for patient in repo.patients():
        if patient.status != "active" or patient.is_set_up:
            continue
        alerts = [Alert.from_dict(r) for r in repo.patient_alerts(patient.patient_id)]
        # Crisis words before "I agree" held set-up from the start (newcomer N22: bot/handlers/onboarding.py).
        during = [
            a
            for a in alerts
            if a.kind in FOLLOWS and (a.created_at >= patient.consent_at or a.kind.startswith("invitee_"))
        ]
        if during and all(now - a.created_at >= hold for a in during):
            found.append((patient, max(during, key=lambda a: a.created_at)))
    return found


async def sweep(app: App) -> int:
    """Ask each interrupted set-up again (once per alert; not inside quiet hours); returns how many."""
    svc = app.bot_data.svc
    now, hold = svc.now(), timedelta(hours=svc.settings.routine_hold_hours)
    asked = 0
    for patient, alert in await svc.db(interrupted, svc.repo, now, hold):
        if quiet_now(now, patient, svc.settings):
            continue  # not worth waking them for: asked when their quiet hours end
        key = f"setup_again:{alert.alert_id}"
        try:
            if not await svc.db(svc.repo.mark_sent, patient.patient_id, key):
                continue
        except RecordsUnavailable as exc:  # a torn file (its counselors are told): the others are still asked
            log.error("set-up not asked again of patient %s: %s", patient.patient_id, exc)
            continue
        asked += await _ask(app, patient, key)
    return asked


async def _ask(app: App, patient: Patient, key: str) -> int:
    svc = app.bot_data.svc
    settings, lang = svc.settings, patient.language
    if patient.timezone is None:
        kind = SETUP_TZ
        zones = settings.common_timezones
        text = texts.setup_again_zone(lang, zones, city(settings.timezone))
        buttons = [(city(z), f"tz:{i}") for i, z in enumerate(zones)]
        other = texts.BTN_OTHER_ZONE_ES if lang == "es" else texts.BTN_OTHER_ZONE
        here = city(settings.timezone)
        way_on = texts.btn_default_zone_es(here) if lang == "es" else texts.btn_default_zone(here)
        rows = [*in_rows(buttons, 2), [(other, "tz:other")], [(way_on, "tz:default")]]
    else:
        kind = SETUP_TIME
        text = texts.setup_again_time(lang)
        rows = in_rows(
            [(texts.clock_in(t, lang), f"ct:{t.strftime('%H%M')}") for t in settings.checkin_times], 3
        )
    await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": kind})
    try:
        await app.bot.send_message(patient.telegram_id, text, reply_markup=keyboard(rows))
    except Forbidden:
        await patient_blocked(app, patient)
        return 0
    except TelegramError as exc:
        if worth_retrying(exc):  # not delivered: the next sweep tries again
            await svc.db(svc.repo.unmark_sent, patient.patient_id, key)
        log.warning("set-up question not asked again of patient %s: %s", patient.patient_id, exc)
        return 0
    log.info("patient %s: set-up, interrupted by a crisis alert, asked again", patient.patient_id)
    return 1
