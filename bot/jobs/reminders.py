"""Session reminders: a sweep every few seconds sends what is due, derived from stored data only.

Nothing lives in the JobQueue but the sweep itself, so a restart loses nothing: the first sweep
finds every reminder that came due while the bot was down and sends it if the session is still
ahead (only the latest one per session). A reminder is recorded as sent in the patient's shard
before it goes out, so it is never sent twice, even across restarts.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram import InlineKeyboardMarkup
from telegram.error import Forbidden, TelegramError

from bot import texts
from bot.domain.checkins import local_date
from bot.domain.models import Patient
from bot.domain.quiet import quiet_hours
from bot.domain.sessions import Reminder, due_reminders
from bot.jobs import roster
from bot.jobs.away_alerts import cover_open_alerts
from bot.jobs.blocked import patient_blocked
from bot.jobs.clock_hold import held
from bot.jobs.present import tell_present
from bot.jobs.sending import Batch, send_paced, worth_retrying
from bot.jobs.setup_waiting import SETUP_TIME
from bot.telegram.keyboards import rsvp_buttons
from bot.telegram.services import App, Context, Services

log = logging.getLogger(__name__)
INTERVAL = 5.0  # seconds between sweeps: reminders go out at most this late
# A reminder waits this long while the set-up's check-in-time question is open (newcomer14 N92: it came between
# two set-up questions); past it a set-up left unfinished gets its session reminders anyway (gaps11 #7).
SETUP_HOLD = timedelta(minutes=30)


def schedule(app: App) -> None:
    """Start the sweep (at start-up)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=0.5, name="reminders")


async def _sweep_job(context: Context) -> None:
    """Send every reminder that is due."""
    await sweep(context.application)


def _plan(svc: Services) -> tuple[list[tuple[Reminder, list[Reminder]]], dict[str, Patient]]:
    repo, settings, now = svc.repo, svc.settings, svc.now()
    patients = {p.patient_id: p for p in repo.patients() if p.status == "active" and p.tz is not None}
    members: dict[str, list[str]] = {}
    for p in patients.values():
        if p.cohort:
            members.setdefault(p.cohort, []).append(p.patient_id)
    # Each patient's own quiet hours; a patient who turned them off is never held back.
    quiet = {
        pid: (p.tz, *window)
        for pid, p in patients.items()
        if p.tz and (window := quiet_hours(p, settings)) is not None
    }
    due = due_reminders(repo.all_series(), members, settings.reminder_offsets_minutes, now, quiet)
    return [(r, older) for r, older in due if r.patient_id in patients], patients


def _claim(svc: Services, reminder: Reminder, older: list[Reminder]) -> bool:
    """Record the reminder (and the ones it replaces) as sent; False if it already was, or if the patient
    already said they can't make it (a reminder then would only nag). The ones it replaces only when it is
    sent now: a nearer reminder it stands for (bot/domain/sessions.py) must not be lost to a later sweep
    that finds this one due again."""
    fresh = svc.repo.mark_sent(reminder.patient_id, reminder.key)
    if fresh:
        for skipped in older:
            svc.repo.mark_sent(reminder.patient_id, skipped.key)
    return fresh and not _cant_come(svc, reminder)


def _mid_setup(svc: Services, patient: Patient) -> bool:
    """Whether the patient is answering the set-up's check-in-time question, asked less than SETUP_HOLD ago."""
    pending = svc.repo.pending_input(patient.patient_id)
    if pending is None or pending.get("kind") != SETUP_TIME or not isinstance(pending.get("at"), str):
        return False
    return svc.now() - datetime.fromisoformat(pending["at"]) < SETUP_HOLD


def _cant_come(svc: Services, reminder: Reminder) -> bool:
    key = reminder.occurrence.key
    return any(r["occurrence"] == key and r["answer"] == "n" for r in svc.repo.rsvps(reminder.patient_id))


async def sweep(app: App) -> int:
    """One pass: returns how many reminders were sent."""
    svc = app.bot_data.svc
    handled = svc.state.reminders_handled
    sent = await _notices(app, svc)
    await roster.send_handovers(app)  # a reassignment's, queued while the bot was stopped (ops O63)
    await cover_open_alerts(app)  # alerts open when their counselor was marked away (newcomer16 N141)
    if held(svc, "session reminders"):  # "today at 5:00 PM" two days early (ops O76)
        return sent
    due, patients = await svc.db(_plan, svc)
    batch: Batch[int] = (
        Batch()
    )  # a cohort-wide burst, paced under Telegram's 30 messages/s where each is sent
    for reminder, older in due:
        marker = f"{reminder.patient_id}:{reminder.key}"
        if marker in handled:
            continue
        handled.add(marker)
        patient = patients[reminder.patient_id]
        if patient.checkin_time is None and await svc.db(_mid_setup, svc, patient):
            handled.discard(marker)  # the next sweep looks again
            continue
        if not await svc.db(_claim, svc, reminder, older):
            continue
        await batch.add(_send(app, svc, patients[reminder.patient_id], reminder))
    sent += sum(await batch.results())
    # After the sends: a failed write here is logged by the job's error handler, and no reminder waits on it.
    await svc.db(svc.repo.compact_schedule, svc.now())
    return sent


async def _notices(app: App, svc: Services) -> int:
    """Queued one-off messages (schedule changes), each sent once."""
    sent = 0
    for notice_id, to, text in await svc.db(svc.repo.pending_notices):
        # The claim is the store's, one at a time: a sweep running at the same time (the 5-second job and
        # the one `session cancel` starts) may have read the same queue and sent this one already.
        if not await svc.db(svc.repo.mark_notice_sent, notice_id):
            continue
        try:
            await send_paced(app, to, text)
            sent += 1
        except TelegramError as exc:
            await _undelivered(app, svc, to, text, exc)
    return sent


async def _undelivered(app: App, svc: Services, to: int, text: str, exc: TelegramError) -> None:
    """A notice Telegram did not take: queued again when it may go later; else the patient's counselor is
    told (newcomer5 finding 30: only a log line said a cancellation never reached a patient who blocked us)."""
    if worth_retrying(exc):
        log.warning("notice to %s not delivered (%s); queued again", to, exc)
        await svc.db(svc.repo.add_notice, to, text, svc.now())
        return
    log.error("notice to %s failed: %s", to, exc)
    patient = await svc.db(svc.repo.patient_by_telegram, to)
    if patient is None:
        return
    blocked = isinstance(exc, Forbidden)
    why = "they have blocked the bot" if blocked else "Telegram refused the message"
    # Their counselor, and whoever stands in while they are away (newcomer20 N196 addenda); kept for later.
    await tell_present(app.bot, svc, patient, texts.notice_undelivered(patient.alias, text, why))
    if blocked:
        await patient_blocked(app, patient, told=True)


async def _send(app: App, svc: Services, patient: Patient, reminder: Reminder) -> int:
    tz = patient.tz or svc.settings.tz
    occ = reminder.occurrence
    remind = texts.reminder_es if patient.language == "es" else texts.reminder
    text = remind(occ.starts_at.astimezone(tz), local_date(svc.now(), tz))
    buttons: InlineKeyboardMarkup | None = rsvp_buttons(occ.key, patient.language)
    # Answered an earlier reminder of this session: reminded, not asked again (newcomer16 N129).
    said = [
        r["answer"] for r in await svc.db(svc.repo.rsvps, patient.patient_id) if r["occurrence"] == occ.key
    ]
    if said and said[-1] in texts.RSVP_LABELS:
        again = texts.reminder_answered_es if patient.language == "es" else texts.reminder_answered
        text, buttons = again(occ.starts_at.astimezone(tz), local_date(svc.now(), tz), said[-1]), None
    try:
        await send_paced(app, patient.telegram_id, text, reply_markup=buttons)
        return 1
    except Forbidden:
        # The patient blocked the bot: stop planning pushes for them, and tell their counselor.
        await patient_blocked(app, patient)
    except TelegramError as exc:
        if not worth_retrying(exc):
            # Timed out (it may have arrived: a possibly lost reminder beats a second one) or
            # refused for good (retrying would only fail again).
            log.warning("reminder %s to patient %s failed: %s", reminder.key, patient.patient_id, exc)
            return 0
        # Certainly not delivered: release the claim so the next sweep tries again.
        await svc.db(svc.repo.unmark_sent, patient.patient_id, reminder.key)
        svc.state.reminders_handled.discard(f"{patient.patient_id}:{reminder.key}")
        log.warning("reminder %s to patient %s will be retried: %s", reminder.key, patient.patient_id, exc)
    return 0
