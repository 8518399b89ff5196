"""/history: the patient's own chart with a short summary; /dayssince: a counter from a date they choose.

A typed date arrives through the free-text router (pending input kind PENDING), so a crisis said
instead of a date is still screened first.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from telegram import Message, Update

from bot import texts
from bot.domain.checkins import local_date
from bot.domain.history import (
    DEFAULT_PERIOD,
    days_since_count,
    has_checkins_in,
    is_off,
    is_restart,
    other_period,
    parse_date,
    period,
)
from bot.domain.models import Patient
from bot.domain.progress import text_summary_values
from bot.handlers.people import app_language
from bot.handlers.screened import screened
from bot.reports.charts import render_history_png
from bot.reports.measures import trend_lines
from bot.telegram.keyboards import answer_query, close_buttons, keyboard, reply
from bot.telegram.services import Context
from bot.texts.base import pick

PENDING = "days_since"
BUTTON_PREFIX = "hist:"
# Days without a check-in only faintly shaded on the patient's own chart: a gap, not a mark against them.
GAP_SHADE = 0.95


async def history_command(update: Update, context: Context) -> None:
    """/history: the last 7 days as a chart, with a button for 30."""
    patient = await _patient(context, update)
    if patient is None:
        await reply(
            update, pick(app_language(update), texts.HISTORY_NOT_ENROLLED, texts.HISTORY_NOT_ENROLLED_ES)
        )
        return
    await _send_history(update, context, patient, DEFAULT_PERIOD)


async def button(update: Update, context: Context) -> None:
    """ "hist:<days>": the chart again for the other period, only ever the presser's own."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None
    # The button's message must be in the presser's own private chat, and the presser a patient:
    # anyone else (a counselor, a stranger, another patient) gets no chart and no chart is sent anywhere.
    own_chat = isinstance(query.message, Message) and user is not None and query.message.chat.id == user.id
    patient = await _patient(context, update) if own_chat else None
    if patient is None:
        await answer_query(query, pick(app_language(update), texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    await answer_query(query)
    await close_buttons(update)
    await _send_history(update, context, patient, period(query.data.removeprefix(BUTTON_PREFIX)))


async def _send_history(update: Update, context: Context, patient: Patient, days: int) -> None:
    """The chart as a protected photo with its caption, or a kind word when there is nothing to draw."""
    svc, chat, lang = context.svc, update.effective_chat, patient.language
    es = lang == "es"
    if chat is None:
        return
    entries = await svc.db(svc.repo.checkins, patient.patient_id)
    today = _today(context, patient)
    other = other_period(days)
    if not entries:
        await reply(update, pick(lang, texts.HISTORY_EMPTY, texts.HISTORY_EMPTY_ES))
        return
    if not has_checkins_in(entries, today=today, days=days):
        # Older check-ins only: offer the longer view if it has any, rather than an empty chart.
        longer = other > days and has_checkins_in(entries, today=today, days=other)
        buttons = [[(_period_button(other, lang), f"{BUTTON_PREFIX}{other}")]] if longer else None
        await reply(update, (texts.history_none_in_es if es else texts.history_none_in)(days), buttons)
        return
    since = await svc.db(svc.repo.days_since_date, patient.patient_id)
    results = await svc.db(svc.repo.measure_results, patient.patient_id)
    values = text_summary_values(entries, today=today, days=days)
    text = texts.progress_caption(
        days=days,
        checkin_days=values.checkin_days,
        streak=values.streak,
        mood_average=values.mood_average,
        mood_trend=values.mood_trend,
        craving_average=values.craving_average,
        craving_trend=values.craving_trend,
        since=since,
        since_days=days_since_count(since, today),
        measures=trend_lines(results, svc.instruments, lang),
        language=lang,
    )
    # Drawing takes tens of milliseconds: off the event loop, like the counselor's chart.
    png = await asyncio.to_thread(
        render_history_png,
        entries,
        today=today,
        days=days,
        title=(texts.history_title_es if es else texts.history_title)(days),
        gap_label=pick(lang, texts.HISTORY_GAP_LABEL, texts.HISTORY_GAP_LABEL_ES),
        gap_shade=GAP_SHADE,
        language=lang,
    )
    markup = keyboard([[(_period_button(other, lang), f"{BUTTON_PREFIX}{other}")]])
    await chat.send_photo(
        png, caption=text, reply_markup=markup, protect_content=True, filename="history.png"
    )


async def dayssince_command(update: Update, context: Context) -> None:
    """/dayssince [date|off]: show the counter, set it from a date, or turn it off."""
    svc = context.svc
    patient = await _patient(context, update)
    if patient is None:
        await reply(
            update, pick(app_language(update), texts.HISTORY_NOT_ENROLLED, texts.HISTORY_NOT_ENROLLED_ES)
        )
        return
    lang = patient.language
    typed = " ".join(context.args or [])
    if typed:
        await _take_date(update, context, patient, typed)
        return
    since = await svc.db(svc.repo.days_since_date, patient.patient_id)
    if since is None:
        await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": PENDING})
        await reply(update, pick(lang, texts.DAYS_SINCE_ASK, texts.DAYS_SINCE_ASK_ES))
        return
    await _stop_waiting(context, patient.patient_id)
    count = days_since_count(since, _today(context, patient)) or 0
    await reply(update, (texts.days_since_show_es if lang == "es" else texts.days_since_show)(count, since))


def is_date_answer(text: str, now: datetime) -> bool:
    """Whether /dayssince would take this text (a date, or "off")."""
    return is_off(text) or not isinstance(parse_date(text, now.date()), str)


async def dayssince_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A date typed after /dayssince asked for one."""
    await _take_date(update, context, patient, text)


async def _take_date(update: Update, context: Context, patient: Patient, typed: str) -> None:
    """Set, clear, or kindly re-ask; a re-ask keeps waiting for the date."""
    svc, pid, es = context.svc, patient.patient_id, patient.language == "es"
    old = await svc.db(svc.repo.days_since_date, pid)
    if is_off(typed):
        await _stop_waiting(context, pid)
        if old is not None:
            await svc.db(svc.repo.set_days_since_date, pid, None, svc.now())
        if old is not None:
            await reply(update, texts.DAYS_SINCE_OFF_ES if es else texts.DAYS_SINCE_OFF)
        else:
            await reply(update, texts.DAYS_SINCE_WAS_OFF_ES if es else texts.DAYS_SINCE_WAS_OFF)
        return
    today = _today(context, patient)
    found = parse_date(typed, today)
    if isinstance(found, str):
        await svc.db(svc.repo.set_pending_input, pid, {"kind": PENDING})
        if screened(context) is None:  # after a crisis answer, the question just waits
            await reply(update, (texts.days_since_reask_es if es else texts.days_since_reask)(found))
        return
    await svc.db(svc.repo.set_days_since_date, pid, found, svc.now())
    await _stop_waiting(context, pid)
    count = days_since_count(found, today) or 0
    saved = texts.days_since_saved_es if es else texts.days_since_saved
    await reply(update, saved(count, found, is_restart(old, found)))


async def _stop_waiting(context: Context, patient_id: str) -> None:
    """Stop waiting for a date, leaving any other open question (a safety plan step...) as it was."""
    svc = context.svc
    pending = await svc.db(svc.repo.pending_input, patient_id)
    if pending is not None and pending.get("kind") == PENDING:
        await svc.db(svc.repo.set_pending_input, patient_id, None)


def _period_button(days: int, language: str) -> str:
    return (texts.BTN_HISTORY_ES if language == "es" else texts.BTN_HISTORY)[days]


def _today(context: Context, patient: Patient) -> date:
    """The patient's own calendar day: a counter turns over at their midnight, not the server's."""
    svc = context.svc
    return local_date(svc.now(), patient.tz or svc.settings.tz)


async def _patient(context: Context, update: Update) -> Patient | None:
    user = update.effective_user
    return await context.svc.db(context.svc.repo.patient_by_telegram, user.id) if user else None
