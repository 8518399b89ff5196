"""The daily pushes (check-in prompt, nudge, skill practice): one sweep over one in-memory plan.

The JobQueue keeps nothing across restarts and builds a cron trigger per job, so instead of a
job per patient and kind there is one repeating job. The plan is rebuilt from stored patients at
start-up (a push up to an hour late is still sent, as APScheduler's misfire grace did), and each
sender records what it sent in the store, so a restart neither loses nor repeats a push.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from telegram.error import TelegramError

from bot import texts
from bot.domain.daily import DailyPlan, Deferred, Push, RetryLater, stale
from bot.domain.measures import measures_rule
from bot.domain.models import Patient
from bot.jobs import measures, prompts, skill_of_day
from bot.jobs.sending import Batch
from bot.telegram.services import App, Context, Services

log = logging.getLogger(__name__)
Sender = Callable[[App, Patient, datetime], Awaitable[None]]  # the time the push was first due

INTERVAL = 10.0  # seconds between sweeps: a push goes out at most this late
GRACE = timedelta(hours=1)  # after a restart, pushes due this long ago are still sent
RETRY = timedelta(minutes=1)
DEFER = timedelta(minutes=15)  # a push held while a crisis alert about the patient is followed
MAX_DEFERRALS = 96  # a day: after that the push is dropped (the next one comes as planned)
SLICE = 500  # patients planned at a time by the first sweep (a few tens of milliseconds)
MAX_RETRIES = 30  # half an hour of Telegram outage; after that the day's push is dropped
MAX_STORE_RETRIES = 180  # three hours of a full or read-only disk (newcomer finding 10b-22)
TELL_EVERY = timedelta(hours=1)  # the admins' notice while pushes cannot be saved
# Pushes of one day, dropped once that day is over or when found later than a restart would still send them
# (the weekly questions are not: they wait up to a day by design and are filed under their week; one is dropped
# only once its next week is due, newcomer N162).
OF_THE_DAY = frozenset({"prompt", "nudge", "practice"})
WEEK = timedelta(days=7)

SENDERS: dict[str, Sender] = {
    "prompt": prompts.send_prompt,
    "nudge": prompts.send_nudge,
    "practice": skill_of_day.send_practice,
    "measures": measures.send_measures,
}


def schedule(app: App, services: Services) -> int:
    """Take every patient's pushes to plan from stored data and start the sweep; returns patients taken.

    The first sweep plans them (DailyPlan.start), in slices between which updates are answered.
    """
    settings = services.settings
    rules = {
        "prompt": prompts.prompt_rule(settings),
        "nudge": prompts.nudge_rule(settings),
        "practice": skill_of_day.practice_rule,
        "measures": measures_rule(settings),
    }
    plan = DailyPlan(rules)
    taken = plan.start(services.worker.call(services.repo.patients), services.now() - GRACE)
    services.state.daily_plan = plan
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=1.0, name="daily")
    return taken


def follow(app: App, patient: Patient) -> None:
    """Re-plan one patient after their time zone, times or status changed."""
    svc = app.bot_data.svc
    if svc.state.daily_plan is not None:
        svc.state.daily_plan.follow(patient, svc.now())


def plan_of(app: App) -> DailyPlan:
    """The running plan (for tests and status screens)."""
    plan = app.bot_data.svc.state.daily_plan
    if plan is None:
        raise RuntimeError("no daily plan: schedule() builds it at start-up")
    return plan


async def _sweep_job(context: Context) -> None:
    """Send every daily push that is due."""
    await sweep(context.application)


async def sweep(app: App) -> int:
    """One pass over what is due now; returns how many pushes were handled."""
    svc = app.bot_data.svc
    plan = plan_of(app)
    while plan.unsettled:
        plan.settle(SLICE)
        await asyncio.sleep(0)  # a start-up's 10,000 patients: updates are answered in between
    retries = svc.state.daily_retries
    due = plan.due(svc.now())
    batch: Batch[None] = Batch()  # many patients choose 8:00 or 19:00: sends are paced where they happen
    for push in due:
        patient = await svc.db(svc.repo.patient, push.patient_id)
        if patient is None:
            continue
        if patient.status not in prompts.ACTIVE:
            plan.follow(patient, svc.now())  # withdrawn, discharged or blocked: nothing more
            continue
        if _dropped(push, patient, svc.now()):
            plan.advance(patient, push)
            continue
        await batch.add(_push(app, plan, push, patient, retries))
    await batch.results()
    return len(due)


def _dropped(push: Push, patient: Patient, now: datetime) -> bool:
    """True (and logged) for a push of a day that is over, or a weekly push whose next week is due already
    (newcomer N162: after a jump of weeks, one "Your weekly questions are ready" per missed week came in a burst):
    it is not sent late, and the next is planned."""
    if patient.tz is None or (push.kind not in OF_THE_DAY and push.kind != "measures"):
        return False
    behind = now - push.first_due
    if push.kind == "measures":
        why = f"found {behind.days} d late, its next week due already" if behind >= WEEK else None
    else:
        why = stale(push, now, patient.tz, GRACE)
    if why is None:
        return False
    log.warning(
        "%s for patient %s due %s dropped: %s (the server's clock jumped or the bot was stalled)",
        push.kind,
        push.patient_id,
        push.first_due.astimezone(patient.tz).strftime("%a %Y-%m-%d %H:%M %Z"),
        why,
    )
    return True


async def _push(
    app: App, plan: DailyPlan, push: Push, patient: Patient, retries: dict[tuple[str, str], int]
) -> None:
    later = await _deliver(app, push, patient, retries)
    if later is None:
        plan.advance(patient, push)
    else:
        plan.retry(push, app.bot_data.svc.now() + later)


async def _deliver(
    app: App, push: Push, patient: Patient, retries: dict[tuple[str, str], int]
) -> timedelta | None:
    """Send one push; how soon to try it again, or None when it was handled."""
    key = (push.patient_id, push.kind)
    try:
        await SENDERS[push.kind](app, patient, push.first_due)
    except Deferred:
        held = (push.patient_id, f"{push.kind}:deferred")
        retries[held] = retries.get(held, 0) + 1
        if retries[held] <= MAX_DEFERRALS:
            return DEFER
        log.info("%s for patient %s dropped: held for a day after a crisis alert", push.kind, push.patient_id)
        retries.pop(held, None)
    except RetryLater as exc:
        retries[key] = retries.get(key, 0) + 1
        if retries[key] <= MAX_RETRIES:
            log.info("%s for patient %s not delivered (%s); trying again", push.kind, push.patient_id, exc)
            return RETRY
        log.warning("%s for patient %s dropped after %d tries", push.kind, push.patient_id, MAX_RETRIES)
    except OSError as exc:
        # A full or read-only disk: each sender claims its push in the store before sending, so nothing
        # went out. Tried again every minute (newcomer finding 10b-22: the day's prompt was lost), loudly.
        retries[key] = retries.get(key, 0) + 1
        if retries[key] <= MAX_STORE_RETRIES:
            log.error(
                "%s for patient %s could not be saved (%s); trying again", push.kind, push.patient_id, exc
            )
            await store_trouble(app)
            return RETRY
        log.error(
            "%s for patient %s dropped: not saved after %d tries",
            push.kind,
            push.patient_id,
            MAX_STORE_RETRIES,
        )
    except Exception:
        # One patient's failure must not stop everyone else's prompts.
        log.exception("%s for patient %s failed", push.kind, push.patient_id)
    retries.pop(key, None)
    retries.pop((push.patient_id, f"{push.kind}:deferred"), None)
    return None


async def store_trouble(app: App) -> None:
    """The admins (or, with none, every counselor) hear at most hourly that pushes wait for the disk."""
    svc = app.bot_data.svc
    now, told = svc.now(), svc.state.push_store_told
    if told is not None and now - told < TELL_EVERY:
        return
    svc.state.push_store_told = now
    counselors = await svc.db(svc.repo.counselors)
    to = [c.telegram_id for c in counselors if c.role == "admin"] or [c.telegram_id for c in counselors]
    for chat_id in to:
        try:
            await app.bot.send_message(chat_id, texts.push_store_notice())
        except TelegramError as exc:
            log.error("could not tell counselor %s that pushes cannot be saved: %s", chat_id, exc)


async def run_now(app: App, patient_id: str, kind: str) -> None:
    """Send one kind of push to one patient as if it were due (tests, and after an outage)."""
    svc = app.bot_data.svc
    patient = await svc.db(svc.repo.patient, patient_id)
    if patient is not None:
        await SENDERS[kind](app, patient, svc.now())
