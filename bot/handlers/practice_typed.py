"""/practice's time typed instead of tapped: "8:15pm", "a las 8:15 de la noche", "off" (newcomer5 finding 31).

The menu offered buttons only; a typed time was screened as words ("de la noche" read as use), kept unsent, and
the practice stayed off. Now the menu waits for a typed answer too, as /settings' check-in time does.
"""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot import texts
from bot.domain.enrollment import parse_clock
from bot.domain.models import Patient
from bot.handlers import unsent
from bot.handlers.screened import screened
from bot.telegram.keyboards import reply
from bot.telegram.services import Context

PENDING = "practice_time"
_OFF = frozenset({"off", "turn it off", "apagada", "apagado", "apagar", "apágala", "apagala"})


def is_answer(text: str, now: datetime) -> bool:
    """A time of day, or "off": what the practice menu takes."""
    return parse_clock(text) is not None or text.strip().casefold().strip(".!") in _OFF


async def expect(context: Context, patient: Patient) -> None:
    """The menu is open: typed text answers it."""
    await context.svc.db(context.svc.repo.set_pending_input, patient.patient_id, {"kind": PENDING})


async def done(context: Context, patient: Patient) -> None:
    """A button answered the menu: typed text no longer does (a later "7" is not a practice time)."""
    svc = context.svc
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    if pending is not None and pending.get("kind") == PENDING:
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)


async def typed(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A typed time (or "off") sets the practice; anything else is the patient's words, handled as such."""
    svc, lang = context.svc, patient.language
    if not is_answer(text, svc.now()) or patient.tz is None:
        if screened(context) is None:  # words, not a time: the menu stops waiting (after a crisis it waits)
            await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
        await unsent.free_text(update, context, patient, text)
        return
    at = parse_clock(text)
    await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    await svc.db(svc.repo.set_practice_time, patient.patient_id, at)
    svc.hooks.on_patient_schedule(context.application, patient.with_changes(practice_time=at))
    if at is None:
        await reply(update, texts.PRACTICE_TURNED_OFF_ES if lang == "es" else texts.PRACTICE_TURNED_OFF)
    else:
        await reply(update, (texts.practice_set_es if lang == "es" else texts.practice_set)(at))
