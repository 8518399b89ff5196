"""Quiet hours in /settings: a button on the settings screen opens a few presets and "Off"; a window typed
while the menu is open ("11pm to 6am", "de 11 de la noche a 6 de la mañana") is taken too (newcomer6 finding 28)."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot import texts
from bot.config.settings import Settings
from bot.domain import quiet
from bot.domain.models import Patient
from bot.domain.quiet import Window
from bot.domain.quiet_typed import typed_window
from bot.handlers import unsent
from bot.handlers.people import app_language
from bot.handlers.screened import screened
from bot.store.repository import Repository
from bot.telegram.keyboards import answer_query, close_buttons, in_rows, reply
from bot.telegram.services import Context
from bot.texts.base import pick

PENDING = "quiet_hours"
MENU = "qh:menu"
DEFAULT = "qh:default"


def settings_row(patient: Patient, settings: Settings) -> list[tuple[str, str]]:
    """The row /settings adds under its first question."""
    return [(texts.btn_quiet_hours(quiet.quiet_hours(patient, settings), patient.language), MENU)]


def save_choice(repo: Repository, patient_id: str, window: Window | None) -> Patient | None:
    """Store the patient's window (OFF = none, None = the program default); read and written on the worker."""
    patient = repo.patient(patient_id)
    if patient is None:
        return None
    start, end = window if window is not None else (None, None)
    patient = patient.with_changes(quiet_start=start, quiet_end=end)
    repo.save_patient(patient)
    return patient


async def button(update: Update, context: Context) -> None:
    """A "qh:" button: open the presets, or store the one tapped and re-plan the patient's pushes."""
    svc, query, user = context.svc, update.callback_query, update.effective_user
    assert query is not None and query.data is not None
    patient = await svc.db(svc.repo.patient_by_telegram, user.id) if user else None
    if patient is None:
        await answer_query(query, pick(app_language(update), texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    if query.data == MENU:
        await answer_query(query)
        await _menu(update, context, svc.settings, patient)
        return
    default = quiet.default_window(svc.settings)
    picked = quiet.decode(query.data.removeprefix("qh:"))
    # Only what the menu offers: forged button data cannot set an arbitrary window.
    if query.data != DEFAULT and (picked is None or picked not in quiet.choices(svc.settings)):
        await answer_query(query, pick(patient.language, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    await answer_query(query)
    await close_buttons(update)
    # Tapping the default stores "the default", so a later change of the program's hours applies.
    await _save(update, context, patient, None if query.data == DEFAULT or picked == default else picked)


def is_answer(text: str, now: datetime) -> bool:
    """A window ("11pm to 6am"), "off" or "default": what the quiet-hours menu takes typed."""
    return typed_window(text) is not None


async def typed(update: Update, context: Context, patient: Patient, text: str) -> None:
    """Text while the menu is open: a window sets it; other words are the patient's, handled as such."""
    svc = context.svc
    window = typed_window(text)
    if window is None:
        if screened(context) is None:  # words, not a window: the menu stops waiting (after a crisis it waits)
            await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
        await unsent.free_text(update, context, patient, text)
        return
    default = quiet.default_window(svc.settings)
    await _save(update, context, patient, None if window == "default" or window == default else window)


async def _save(update: Update, context: Context, patient: Patient, own: Window | None) -> None:
    """Store the window (None: the program's default) and re-plan the patient's pushes."""
    svc = context.svc
    saved = await svc.db(save_choice, svc.repo, patient.patient_id, own)
    if saved is None:
        return
    if saved.is_set_up:
        # Leaving /settings here: the next text is not a time zone.
        await svc.db(svc.repo.set_pending_input, saved.patient_id, None)
    svc.hooks.on_patient_schedule(context.application, saved)
    window = quiet.quiet_hours(saved, svc.settings)
    lang = saved.language
    await reply(update, texts.quiet_saved(window, lang))
    if window is not None and saved.checkin_time is not None and quiet.is_quiet(saved.checkin_time, *window):
        in_quiet = texts.checkin_in_quiet_hours_es if lang == "es" else texts.checkin_in_quiet_hours
        await reply(update, in_quiet(saved.checkin_time, window))


async def _menu(update: Update, context: Context, settings: Settings, patient: Patient) -> None:
    default, lang = quiet.default_window(settings), patient.language
    buttons = [
        (texts.btn_quiet_choice(w, w == default, lang), DEFAULT if w == default else f"qh:{quiet.encode(w)}")
        for w in quiet.choices(settings)
    ]
    current = quiet.quiet_hours(patient, settings)
    await reply(
        update, texts.quiet_menu(current, quiet.chosen(patient) is not None, lang), in_rows(buttons, 2)
    )
    if patient.is_set_up:  # during set-up its own question keeps the typed text
        await context.svc.db(context.svc.repo.set_pending_input, patient.patient_id, {"kind": PENDING})
