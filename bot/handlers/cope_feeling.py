"""/cope's question answered in words (newcomer14 N103): "really lonely tonight", "me siento sola".

The question offered buttons only; typed words went to the "Send it to your counselor?" drawer and no skill
started. While the question is open, words naming one of its feelings start a skill for it, as its button
does; anything else (or words the screen read as a worry) is the patient's words, handled as such.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from telegram import Update

from bot import texts
from bot.domain import practice
from bot.domain.coping import suggest
from bot.domain.feeling_words import feelings_in
from bot.domain.models import Patient
from bot.handlers import unsent
from bot.handlers.cope_typed import step_screen
from bot.handlers.screened import screened
from bot.telegram.keyboards import reply
from bot.telegram.services import Context

PENDING = "cope_feeling"


def is_answer(text: str, now: datetime) -> bool:
    """Words naming one of /cope's feelings: what the question takes."""
    return bool(feelings_in(text))


async def expect(context: Context, patient: Patient) -> None:
    """/cope's question is open: typed text answers it, unless another question already waits for text
    (an open check-in's own question keeps its typed answers)."""
    svc = context.svc
    if await svc.db(svc.repo.pending_input, patient.patient_id) is None:
        await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": PENDING})


async def done(context: Context, patient: Patient) -> None:
    """A button answered the question: typed text no longer does."""
    svc = context.svc
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    if pending is not None and pending.get("kind") == PENDING:
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)


async def typed(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A typed feeling starts a skill for it; anything else goes on as the patient's words."""
    svc, lang = context.svc, patient.language
    tags = feelings_in(text) if screened(context) is None else ()
    if screened(context) is None:  # after a worry the question waits, as the practice menu does
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    if not tags:
        await unsent.free_text(update, context, patient, text)
        return
    run_id = secrets.token_hex(4)
    feedback = await svc.db(svc.repo.coping_feedback, patient.patient_id)
    skill = suggest(svc.skills, list(tags), feedback, seed=run_id)
    run = practice.start(run_id, skill, "cope", tags)
    if not await svc.db(svc.repo.start_practice, patient.patient_id, run.to_dict()):
        await reply(update, texts.COPE_STARTED_ES if lang == "es" else texts.COPE_STARTED)
        return
    screen, rows = step_screen(run, skill, lang)
    await reply(update, screen, rows)
