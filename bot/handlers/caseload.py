"""Counselor triage: /caseload (most urgent first) and each patient's page."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import Update

from bot import texts
from bot.domain.checkins import local_date
from bot.domain.escalation import Alert
from bot.domain.flag_rules import FlagRules
from bot.domain.models import CLOSED, Counselor, Patient
from bot.domain.triage import relative, todays_answers
from bot.handlers.people import app_language
from bot.handlers.unlock import ensure_unlocked
from bot.reports.charts import render_history_png
from bot.reports.measures import counselor_lines
from bot.telegram.keyboards import answer_query, in_rows, reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.paged import access
from bot.usecases.patient_text import routine_hold
from bot.usecases.workspace import caseload, checkin_cells, patient_page

log = logging.getLogger(__name__)


async def counselor_of(update: Update, context: Context) -> Counselor | None:
    """The unlocked counselor behind this update, or None after a refusal or a PIN prompt."""
    svc, user = context.svc, update.effective_user
    counselor = await svc.db(svc.repo.counselor, user.id) if user else None
    if counselor is None:
        lang = app_language(update)  # not a counselor: perhaps a patient typing a counselor command
        if update.callback_query is not None:
            await answer_query(update.callback_query, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        elif user is not None and await _removed_staff(context, user.id):
            await reply(update, texts.NO_LONGER_COUNSELOR)  # not the patients' "I'm here" (newcomer7 N26)
        else:
            await reply(update, pick(lang, texts.PATIENT_FALLBACK, texts.PATIENT_FALLBACK_ES))
        return None
    # The one place every counselor entry point passes: patient data needs an unlocked PIN.
    return counselor if await ensure_unlocked(update, context, counselor) else None


async def _removed_staff(context: Context, telegram_id: int) -> bool:
    """A counselor removed since, who is not a patient either."""
    svc = context.svc
    if telegram_id not in await svc.db(svc.repo.removed_counselors):
        return False
    return await svc.db(svc.repo.patient_by_telegram, telegram_id) is None


async def allowed_patient(
    update: Update, context: Context, counselor: Counselor, patient_id: str
) -> Patient | None:
    """The patient if this counselor may see them; refusals are logged and say nothing about the patient."""
    found = await reachable_patient(update, context, counselor, patient_id, paged=False)
    return found[0] if found is not None else None


async def reachable_patient(
    update: Update, context: Context, counselor: Counselor, patient_id: str, *, paged: bool = True
) -> tuple[Patient, str | None] | None:
    """The patient, and the alert that allows it when they are not this counselor's to see but an alert
    about them reached this counselor (``paged``: enough to write to them, bot/domain/paged.py)."""
    svc = context.svc
    patient = await svc.db(svc.repo.patient, patient_id)
    allowed, via = await svc.db(access, svc.repo, counselor, patient, svc.now(), paged=paged)
    if patient is None or not allowed:
        log.warning("counselor %s refused access to patient id %r", counselor.telegram_id, patient_id[:16])
        if update.callback_query is not None:
            await answer_query(update.callback_query, texts.NOT_YOUR_PATIENT, show_alert=True)
        else:
            await reply(update, texts.NOT_YOUR_PATIENT)
        return None
    return patient, via


async def caseload_command(update: Update, context: Context) -> None:
    """/caseload (and /patients): every patient, most urgent first, each one a button."""
    counselor = await counselor_of(update, context)
    if counselor is None:
        return
    svc = context.svc
    rules = svc.flag_rules
    rows = await svc.db(caseload, svc.repo, counselor, svc.now(), rules)
    if not rows:
        await reply(update, texts.CASELOAD_EMPTY)
        return
    today = local_date(svc.now(), svc.settings.tz)
    lines = [
        texts.caseload_line(
            r.alias,
            relative(r.last_checkin, svc.now()),
            texts.number(r.mood_avg, r.mood_trend),
            texts.number(r.craving_avg, r.craving_trend),
            [texts.flag_dated(rules.label(k), dict(r.flag_days).get(k), today) for k in r.flags],  # N206
            texts.todays_answers(r.today),
            r.status,
            r.urgent_open,
            _erased_since(r.deleted_at, r.last_checkin, svc.settings.tz),
            r.urgent_lately,
            r.erased_by,
            r.gravest_open,
            _minutes_since(r.open_since, svc.now()),
        )
        for r in rows
    ]
    # A closed enrollment's flags ("crisis language after /stop") never say /stop (newcomer14 N102).
    lines = [
        texts.as_closed(line) if r.status == CLOSED else line for line, r in zip(lines, rows, strict=True)
    ]
    await svc.db(svc.repo.audit, svc.now(), counselor.telegram_id, "caseload_viewed", "*")
    for text, first, end in texts.caseload_pages(lines):
        # Patients only: nothing here closes a flag, so a mistyped number opens a page and never silences one.
        await reply(update, text, [[(r.alias, f"pv:{r.patient_id}")] for r in rows[first:end]])


def _erased_since(deleted: datetime | None, last: datetime | None, tz: ZoneInfo) -> date | None:
    """The day they erased their data, when no check-in came after it (the row says so, not "never")."""
    if deleted is None or (last is not None and last > deleted):
        return None
    return deleted.astimezone(tz).date()


async def patient_button(update: Update, context: Context) -> None:
    """ "pv:<patient id>": the patient's page (check-ins, flags, chart) with actions."""
    query = update.callback_query
    assert query is not None and query.data is not None
    counselor = await counselor_of(update, context)
    if counselor is None:
        return
    patient = await allowed_patient(update, context, counselor, query.data.removeprefix("pv:"))
    if patient is None:
        return
    await answer_query(query)
    await show_patient(update, context, counselor, patient)


async def show_patient(update: Update, context: Context, counselor: Counselor, patient: Patient) -> None:
    """Send a patient's page and their 30-day chart."""
    svc = context.svc
    rules = svc.flag_rules
    names = {key: skill.name for key, skill in svc.skills.items()}
    page = await svc.db(patient_page, svc.repo, patient, rules, names, svc.now(), svc.settings.tz)
    today = local_date(svc.now(), patient.tz or svc.settings.tz)  # the patient's day
    tz = svc.settings.tz  # the counselor's times: the program's zone, named (their patients live in many)
    lines = [
        texts.checkin_line(e.local_date, checkin_cells(e, svc.checkin), _note(e.answers.get("note")))
        for e in page.entries[-14:][::-1]
    ]
    extra = []
    plan = await svc.db(svc.repo.safety_plan, patient.patient_id)
    if plan is not None and plan.updated_at is not None:
        extra.append(texts.plan_line(plan.updated_at.astimezone(tz).date()))
    if page.deleted_at is not None:
        extra.append(texts.erased_page_line(page.deleted_at.astimezone(tz).date(), page.erased_by))
    if page.urgent:
        extra.append(texts.urgent_page_line(len(page.urgent)))
    elif page.lately:  # acknowledged is "I'm on it", not "fine" (newcomer10 N15)
        latest = page.lately[-1]
        extra.append(texts.lately_page_line(len(page.lately), latest.kind, latest.created_at.astimezone(tz)))
        noted = next((a for a in reversed(page.lately) if a.ack_note), None)  # what was done (N139)
        if noted is not None:
            by = await svc.db(svc.repo.counselor_name, noted.acked_by or 0) or texts.ANOTHER_COUNSELOR
            extra.append(texts.ack_note_line(by, noted.ack_note))
    hold = timedelta(hours=svc.settings.routine_hold_hours)
    # Nothing routine goes to someone who withdrew: no "they go then" (newcomer14 N102).
    until = await svc.db(routine_hold, svc.repo, patient.patient_id, svc.now(), hold)
    if until is not None and patient.status == "active":
        extra.append(texts.routine_hold_line(until.astimezone(tz)))
    if page.checks:
        extra.append(texts.check_page_line(len(page.checks), page.checks[-1].astimezone(tz)))
    if page.messages:
        last = page.messages[-1]
        who = (
            patient.alias
            if last.sender == "patient"
            else texts.THREAD_FROM_YOU
            if last.counselor_id == counselor.telegram_id
            else texts.THREAD_FROM_COLLEAGUE
        )
        extra.append(texts.thread_line(len(page.messages), who, last.at.astimezone(tz)))
    results = await svc.db(svc.repo.measure_results, patient.patient_id)
    tail = texts.measures_block(counselor_lines(results, tz, svc.instruments)) if results else ""
    text = texts.patient_view(
        patient.alias,
        patient.shown_status,
        patient.cohort or "",
        [
            texts.dated_flag(label, days, count) for label, days, count in page.dated
        ],  # each with its days (N161)
        lines,
        page.coping,
        extra,
        tail,
        today=texts.todays_answers(todays_answers(page.entries, today)),
        language=patient.language,
    )
    if patient.closed_by_program:  # the latest alert, the flags: never "/stop" (newcomer14 N102)
        text = texts.as_closed(text)
    pid = patient.patient_id
    more = [(texts.BTN_SHOW_WORDS, f"pa:words:{pid}")] if page.checks else []
    more += [(texts.BTN_NOTES, f"pa:notes:{pid}")] if any(e.answers.get("note") for e in page.entries) else []
    more += [(texts.BTN_PLAN, f"pa:plan:{pid}")] if plan is not None else []
    more += [(texts.BTN_THREAD, f"pa:thread:{pid}")] if page.messages else []
    more += [(texts.BTN_TIMELINE, f"pa:timeline:{pid}")]  # everything they wrote, in order (finding 35)
    buttons = [
        [(texts.BTN_ACK_FLAGS, f"pa:ack:{pid}"), (texts.BTN_MESSAGE_PATIENT, f"pa:msg:{pid}")],
        *in_rows(more, 2),
        [(texts.BTN_EXPORT, f"pa:csv:{pid}")],
        *urgent_buttons(page.urgent, rules, svc.settings.tz),
    ]
    await svc.db(svc.repo.audit, svc.now(), counselor.telegram_id, "patient_viewed", pid)
    await reply(update, text, buttons)
    if page.entries and update.effective_chat is not None:
        png = await asyncio.to_thread(
            render_history_png,
            page.entries,
            today=today,
            days=30,
            title=texts.counselor_chart_title(patient.alias, 30),
        )
        await update.effective_chat.send_photo(
            png, caption=texts.history_caption(patient.alias, 30), filename="chart.png"
        )


def urgent_buttons(alerts: Sequence[Alert], rules: FlagRules, tz: ZoneInfo) -> list[list[tuple[str, str]]]:
    """One button per open urgent alert, bringing the alert back to read and acknowledge (last on the page,
    so the buttons above keep their places)."""
    labels = [texts.open_alert_button(rules.label(a.kind), a.created_at.astimezone(tz)) for a in alerts]
    return [[(label, f"al:open:{a.alert_id}")] for label, a in zip(labels, alerts, strict=True)]


def _note(value: object) -> str | None:
    return str(value) if value else None


def _minutes_since(then: datetime | None, now: datetime) -> int | None:
    return None if then is None else int((now - then).total_seconds() // 60)
