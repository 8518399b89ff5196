"""Set-up's questions: the time zone and the daily check-in time (asked at enrollment, and by /settings).

Split from onboarding.py (invitation code and consent), which re-exports these names: its callers and the
pending-input table in bot/telegram/app.py still say ``onboarding.X``.
"""

from __future__ import annotations

from datetime import datetime, time

from telegram import Update

from bot import texts
from bot.domain import quiet
from bot.domain.enrollment import parse_clock
from bot.domain.models import Patient
from bot.domain.screen.assess import Level, assess
from bot.domain.timezones import city, lookup, region_zones
from bot.handlers.follow import pass_followed
from bot.handlers.people import stranger_words
from bot.handlers.screened import screened
from bot.handlers.sos import offer_keyboard
from bot.telegram.keyboards import answer_query, close_buttons, in_rows, reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.patient_text import follow

SETUP_TZ = "setup_tz"
SETUP_TIME = "setup_time"


def _is_zone(text: str, now: datetime) -> bool:
    # A zone in a sentence too (newcomer18 N168: "visiting my mom in honolulu this week" under an old alert went
    # to the counselors and the question silently stayed open); words beyond the place still reach the alert's
    # people ("im in denver at my moms, ill pick up"): timezone_text passes them on.
    # Only words the screen reads as nothing: this also tells the screen a whole answer came ("im in denver, used
    # again last night" must still get the relapse answer).
    if lookup(text, sentence=False).zone is not None:
        return True
    return lookup(text).zone is not None and assess(text, year=now.year).level == Level.NONE


def _is_time(text: str, now: datetime) -> bool:
    return parse_clock(text) is not None


# What each typed question takes; while a crisis alert is followed, other words are not a wrong answer here
# but words for the alert's people (bot/handlers/common.py, text_router).
TYPED_ANSWERS = {SETUP_TZ: _is_zone, SETUP_TIME: _is_time}


async def resume_setup(update: Update, context: Context, patient: Patient) -> None:
    """Ask the next set-up question the patient has not answered."""
    if patient.timezone is None:
        await ask_timezone(update, context, patient)
    else:
        await ask_time(update, context, patient)


async def ask_timezone(update: Update, context: Context, patient: Patient, *, changing: bool = False) -> None:
    """The time-zone question: common zones as buttons, or typed (set-up, or /settings when `changing`)."""
    svc, lang = context.svc, patient.language
    await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": SETUP_TZ})
    zones = svc.settings.common_timezones
    rows = _zone_rows(context, lang)
    if changing and patient.timezone is not None:
        await reply(update, texts.ask_new_timezone(patient.timezone, lang), rows)
    else:
        await reply(update, texts.ask_timezone_es(zones) if lang == "es" else texts.ask_timezone(zones), rows)


def _zone_rows(context: Context, lang: str, *, way_out: bool = False) -> list[list[tuple[str, str]]]:
    """The common zones, "Other", and (after an answer that could not be read) the program's own zone."""
    settings = context.svc.settings
    buttons = [(city(z), f"tz:{i}") for i, z in enumerate(settings.common_timezones)]
    rows = [*in_rows(buttons, 2), [(pick(lang, texts.BTN_OTHER_ZONE, texts.BTN_OTHER_ZONE_ES), "tz:other")]]
    if way_out:
        here = city(settings.timezone)
        rows.append(
            [(pick(lang, texts.btn_default_zone(here), texts.btn_default_zone_es(here)), "tz:default")]
        )
    return rows


async def ask_time(update: Update, context: Context, patient: Patient, *, changing: bool = False) -> None:
    """The check-in time question (set-up, or /settings when `changing`)."""
    svc, lang = context.svc, patient.language
    assert patient.timezone is not None
    # When: a session reminder waits while this is fresh (bot/jobs/reminders.py, newcomer14 N92).
    asked = {"kind": SETUP_TIME, "at": svc.now().isoformat()}
    await svc.db(svc.repo.set_pending_input, patient.patient_id, asked)
    times = [(texts.clock_in(t, lang), f"ct:{t.strftime('%H%M')}") for t in svc.settings.checkin_times]
    if changing and patient.checkin_time is not None:
        text = texts.ask_new_checkin_time(patient.checkin_time, patient.timezone, lang)
    elif lang == "es":
        text = texts.ask_checkin_time_es(patient.timezone)
    else:
        text = texts.ask_checkin_time(patient.timezone)
    await reply(update, text, in_rows(times, 3))


async def timezone_button(update: Update, context: Context) -> None:
    """A time-zone button: "tz:<index>" (common zones), "tz:z:<zone>" (a suggestion) or "tz:other"."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer_query(query)
    patient = await patient_or_refusal(update, context)
    if patient is None:
        return
    choice = query.data.removeprefix("tz:")
    svc = context.svc
    zones = svc.settings.common_timezones
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    lang = patient.language
    if (pending or {}).get("kind") != SETUP_TZ and patient.timezone is not None:
        # Answered already (typed, or another button): an old button must not change the zone again.
        await close_buttons(update)
        await reply(update, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    if choice == "default":
        zone = svc.settings.timezone
    elif choice == "other":
        await reply(update, pick(lang, texts.ASK_TIMEZONE_TYPED, texts.ASK_TIMEZONE_TYPED_ES))
        return
    elif choice.startswith("z:") and choice[2:] in region_zones():  # only real zones, whatever the data says
        zone = choice[2:]
    elif choice.isdigit() and int(choice) < len(zones):
        zone = zones[int(choice)]
    else:
        await reply(update, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    await close_buttons(update)
    await set_timezone(update, context, patient, zone)


async def timezone_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A typed time zone: a zone name, a city anywhere, or a common name ("eastern", "EST")."""
    found, lang = lookup(text), patient.language
    if found.zone is not None:
        await set_timezone(update, context, patient, found.zone)
        if screened(context) is None and lookup(text, sentence=False).zone is None:  # more than a place
            svc = context.svc
            followed = await svc.db(follow, svc.repo, patient, text, svc.now())
            if followed is not None:  # while an alert is followed, its people get these words too
                await pass_followed(update, context, patient, followed, lang)
    elif screened(context) is not None:
        return  # after a crisis answer, the question just waits
    elif found.suggestions:
        rows = [[(f"{city(z)} ({z})", f"tz:z:{z}")] for z in found.suggestions]
        said = pick(
            lang, texts.timezone_suggestions(text, found.suggestions), texts.timezone_suggestions_es(text)
        )
        await reply(update, said, rows)
    else:
        here = city(context.svc.settings.timezone)
        said = pick(lang, texts.timezone_not_found(here), texts.timezone_not_found_es(here))
        await reply(update, said, _zone_rows(context, lang, way_out=True))


async def set_timezone(update: Update, context: Context, patient: Patient, zone: str) -> None:
    """Save the time zone; then the check-in time question, or (in /settings) done."""
    svc = context.svc
    patient = patient.with_changes(timezone=zone)
    await svc.db(svc.repo.save_patient, patient)
    if patient.checkin_time is None:
        await ask_time(update, context, patient)
        return
    await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    _replan(context, patient)
    await reply(update, texts.timezone_changed(zone, patient.checkin_time, patient.language))


async def time_button(update: Update, context: Context) -> None:
    """A check-in time button from set-up."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer_query(query)
    patient = await patient_or_refusal(update, context)
    at = parse_clock(query.data.removeprefix("ct:"))
    if patient is None or at is None or patient.timezone is None:
        lang = patient.language if patient else "en"
        await reply(update, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    await close_buttons(update)
    await set_checkin_time(update, context, patient, at)


async def time_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A typed check-in time during set-up."""
    at = parse_clock(text)
    if at is None:
        if screened(context) is None:
            await reply(update, pick(patient.language, texts.TIME_UNKNOWN, texts.TIME_UNKNOWN_ES))
        return
    await set_checkin_time(update, context, patient, at)


async def set_checkin_time(update: Update, context: Context, patient: Patient, at: time) -> None:
    """Save the check-in time, finish set-up (or the /settings change) and re-plan the daily prompt."""
    svc = context.svc
    first_time = not patient.is_set_up
    patient = patient.with_changes(checkin_time=at)
    await svc.db(svc.repo.save_patient, patient)
    await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    _replan(context, patient)
    zone, lang = patient.timezone or svc.settings.timezone, patient.language
    if first_time:
        await reply(update, texts.setup_done_es(at, zone) if lang == "es" else texts.setup_done(at, zone))
    else:
        await reply(update, texts.checkin_time_changed(at, zone, lang))
    window = quiet.quiet_hours(patient, svc.settings)
    if window is not None and quiet.is_quiet(at, *window):
        quiet_text = texts.checkin_in_quiet_hours_es if lang == "es" else texts.checkin_in_quiet_hours
        await reply(update, quiet_text(at, window))
    if first_time:
        await offer_keyboard(update, context, lang)


def _replan(context: Context, patient: Patient) -> None:
    context.svc.hooks.on_patient_schedule(context.application, patient)


async def patient_or_refusal(update: Update, context: Context) -> Patient | None:
    """The patient behind the update; anyone else gets the strangers' answer."""
    user = update.effective_user
    patient = await context.svc.db(context.svc.repo.patient_by_telegram, user.id) if user else None
    if patient is None:
        await reply(update, await stranger_words(update, context))
    return patient
