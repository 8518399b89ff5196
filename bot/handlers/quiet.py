"""Quiet hours in /settings: a button on the settings screen opens a few presets and "Off"."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.config.settings import Settings
from bot.domain import quiet
from bot.domain.models import Patient
from bot.domain.quiet import Window
from bot.handlers.people import app_language
from bot.store.repository import Repository
from bot.telegram.keyboards import answer_query, close_buttons, in_rows, reply
from bot.telegram.services import Context
from bot.texts.base import pick

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
        await _menu(update, svc.settings, patient)
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
    own = None if query.data == DEFAULT or picked == default else picked
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


async def _menu(update: Update, settings: Settings, patient: Patient) -> None:
    default, lang = quiet.default_window(settings), patient.language
    buttons = [
        (texts.btn_quiet_choice(w, w == default, lang), DEFAULT if w == default else f"qh:{quiet.encode(w)}")
        for w in quiet.choices(settings)
    ]
    current = quiet.quiet_hours(patient, settings)
    await reply(
        update, texts.quiet_menu(current, quiet.chosen(patient) is not None, lang), in_rows(buttons, 2)
    )
