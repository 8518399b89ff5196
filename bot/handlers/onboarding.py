"""Enrollment: /start with a code, consent, then time zone and daily check-in time (also used by /settings)."""

from __future__ import annotations

import logging
from datetime import time

from telegram import Update

from bot import texts
from bot.domain import quiet
from bot.domain.crisis_lines import lines_for
from bot.domain.enrollment import CodeProblem, hash_code, normalize_code, parse_clock
from bot.domain.models import Patient
from bot.domain.reach import is_invite_code
from bot.domain.timezones import city, lookup, region_zones
from bot.handlers import reach
from bot.handlers.people import app_language
from bot.handlers.screened import screened
from bot.handlers.sos import offer_keyboard
from bot.telegram.keyboards import answer_query, close_buttons, in_rows, reply
from bot.telegram.services import Context
from bot.texts.base import pick

log = logging.getLogger(__name__)

SETUP_TZ = "setup_tz"
SETUP_TIME = "setup_time"
_PROBLEM_TEXT = {
    CodeProblem.UNKNOWN: (texts.CODE_UNKNOWN, texts.CODE_UNKNOWN_ES),
    CodeProblem.EXPIRED: (texts.CODE_EXPIRED, texts.CODE_EXPIRED_ES),
    CodeProblem.USED: (texts.CODE_USED, texts.CODE_USED_ES),
}
# Typed instead of tapping the consent button: pointed to the button (the code rides in it).
_AGREE_WORDS = frozenset({"acepto", "aceptar", "si", "sí", "de acuerdo", "ok", "i agree", "agree", "yes"})


async def start(update: Update, context: Context) -> None:
    """/start [CODE]: greet a known user, or begin enrollment with an invitation code."""
    svc, user = context.svc, update.effective_user
    if user is None:
        return
    counselor = await svc.db(svc.repo.counselor, user.id)
    if counselor is not None:
        await reach.counselor_started(update, context, counselor)
        return
    if context.args and is_invite_code(context.args[0]):
        await reach.accept_invite(update, context, context.args[0])
        return
    if user.id in svc.settings.oncall:
        await reach.oncall_started(context, user.id)
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    if patient is not None:
        await (
            resume_setup(update, context, patient)
            if not patient.is_set_up
            else reply(update, pick(patient.language, texts.WELCOME_BACK, texts.WELCOME_BACK_ES))
        )
        return
    if not context.args:
        await reply(update, pick(app_language(update), texts.STRANGER, texts.STRANGER_ES))
        return
    await try_code(update, context, " ".join(context.args))


async def stranger_text(update: Update, context: Context, text: str) -> None:
    """Text from someone not enrolled: a code attempt, or how to get one (nothing is stored)."""
    lang = app_language(update)
    if normalize_code(text) is None:
        agreeing = text.strip().casefold().strip(".!¡ ") in _AGREE_WORDS
        await reply(
            update,
            pick(lang, texts.CONSENT_TAP, texts.CONSENT_TAP_ES)
            if agreeing
            else pick(lang, texts.STRANGER, texts.STRANGER_ES),
        )
        return
    await try_code(update, context, text)


async def try_code(update: Update, context: Context, raw: str) -> None:
    """Check an invitation code and, if good, ask for consent before storing anything."""
    svc, user = context.svc, update.effective_user
    assert user is not None
    code, lang = normalize_code(raw), app_language(update)
    # Counted per Telegram user on disk, like the consent button's code below: one limit for all paths.
    problem = await svc.db(
        svc.repo.check_code, user.id, hash_code(code) if code else None, svc.now(), *svc.code_limit
    )
    if problem is CodeProblem.BLOCKED:
        await reply(update, _code_wait(svc.settings.code_attempt_window_minutes, lang))
        return
    if problem is not None or code is None:
        await reply(update, pick(lang, *_PROBLEM_TEXT[problem or CodeProblem.UNKNOWN]))
        return
    # Nothing is known of them yet: the lines a stranger in crisis would get (the program's zone),
    # in Spanish when their Telegram app is, not always the default locale's; the terms likewise.
    crisis = lines_for(svc.settings, None, lang).lines
    program = svc.settings.program_name
    # The code rides in the button: until the patient agrees, nothing about them is stored (in memory only,
    # whose invitation they hold, so crisis words now still reach that counselor).
    svc.state.consent_shown[user.id] = hash_code(code)
    await reply(
        update,
        texts.consent_es(program, crisis) if lang == "es" else texts.consent(program, crisis),
        [
            [
                (pick(lang, texts.BTN_AGREE, texts.BTN_AGREE_ES), f"enr:y:{code}"),
                (pick(lang, texts.BTN_NOT_NOW, texts.BTN_NOT_NOW_ES), "enr:n"),
            ]
        ],
    )


def _code_wait(minutes: int, lang: str) -> str:
    return texts.code_wait_es(minutes) if lang == "es" else texts.code_wait(minutes)


async def consent_answer(update: Update, context: Context) -> None:
    """The consent buttons: enroll on "I agree", store nothing on "Not now"."""
    svc, query, user = context.svc, update.callback_query, update.effective_user
    assert query is not None and user is not None and query.data is not None
    await answer_query(query)
    await close_buttons(update)
    _, choice, *rest = query.data.split(":")
    lang = app_language(update)
    if choice != "y":
        await reply(update, pick(lang, texts.CONSENT_DECLINED, texts.CONSENT_DECLINED_ES))
        return
    already = await svc.db(svc.repo.patient_by_telegram, user.id)
    if already is not None:
        await resume_setup(update, context, already)
        return
    code = normalize_code(rest[0]) if rest else None
    # The check and the enrollment are one store call: two presses at once cannot both use the code,
    # and a forged button with a guessed code counts against the same limit as a typed one.
    # Their Telegram app's language is their first language here; the next message offers the other.
    result = await svc.db(
        svc.repo.enroll_with_code,
        user.id,
        hash_code(code) if code else None,
        svc.now(),
        *svc.code_limit,
        lang,
    )
    if result is CodeProblem.BLOCKED:
        await reply(update, _code_wait(svc.settings.code_attempt_window_minutes, lang))
        return
    if isinstance(result, CodeProblem):
        await reply(update, pick(lang, texts.CONSENT_STALE, texts.CONSENT_STALE_ES))
        return
    patient = result
    log.info("patient %s enrolled (counselor %s)", patient.patient_id, patient.counselor_id)
    await reach.tell_counselor(context, patient)
    await reply(update, texts.language_offer(patient.language), language_buttons())
    await resume_setup(update, context, patient)


def language_buttons() -> list[list[tuple[str, str]]]:
    """English / Español, each named in its own language."""
    return [[(texts.BTN_ENGLISH, "lang:en"), (texts.BTN_SPANISH, "lang:es")]]


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
    await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": SETUP_TIME})
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
        await reply(update, pick(app_language(update), texts.STRANGER, texts.STRANGER_ES))
    return patient
