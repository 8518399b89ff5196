"""Words typed under the daily check-in prompt (newcomer9 N39): "empezar", "ok" or a first answer ("3") starts
the check-in as its button does. They went to the "send to your counselor?" drawer, so a patient who answered the
questions they expected (mood 2, craving 9) had nothing recorded and no flag raised, with nothing said."""

from __future__ import annotations

from telegram import Update

from bot.domain.checkin_items import fold, parse_answer
from bot.domain.checkins import local_date
from bot.domain.models import Patient
from bot.handlers import checkin
from bot.telegram.services import Context

START_WORDS = frozenset(
    {"start", "ok", "okay", "k", "yes", "yeah", "yep", "sure", "go", "lets go", "let s go", "ready", "begin",
     "start check in", "start checkin", "check in", "checkin", "lets do it", "let s do it", "empezar", "empezamos",
     "empecemos", "empiezo", "comenzar", "iniciar", "si", "sip", "dale", "va", "sale", "listo", "lista", "vamos",
     "ok vamos", "empezar registro", "registro", "claro"}
)  # fmt: skip


async def typed_under_prompt(update: Update, context: Context, patient: Patient, text: str) -> bool:
    """When today's prompt is the newest thing the bot asked (no reminder since) and no check-in is done today:
    a start word starts the check-in, a first answer starts it and answers; True then."""
    svc, chat = context.svc, update.effective_chat
    if chat is None or patient.tz is None:
        return False
    # The words first: most free text is neither, and needs no read of the patient's file for this.
    words = " ".join(fold(text).replace("-", " ").split())
    first = svc.checkin.items[0] if svc.checkin.items else None
    answers = first is not None and first.kind != "text" and parse_answer(first, text) is not None
    if words not in START_WORDS and not answers:
        return False
    today = local_date(svc.now(), patient.tz)
    newest = await svc.db(svc.repo.newest_claim, patient.patient_id, ("prompt:", "remind:"))
    if newest != f"prompt:{today.isoformat()}":
        return False
    if any(e.local_date == today for e in await svc.db(svc.repo.checkins, patient.patient_id)):
        return False  # done today already: these words are about something else
    await checkin.begin(chat, context, patient, update)
    if answers and words not in START_WORDS:
        await checkin.typed(update, context, patient, text)
    return True
