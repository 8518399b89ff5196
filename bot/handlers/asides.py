"""Words typed while a check-in waits for a button, that answer nothing: never thrown away.

While a crisis alert about the patient is open they go to the people it reached (bot/handlers/follow.py);
otherwise they are kept with the check-in and join its note, so the counselor reads them with the answers.
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.checkins import CheckinItem, Draft, tried_answer, with_aside
from bot.domain.language import said_in
from bot.domain.models import Patient
from bot.handlers.crisis_answers import question_waiting
from bot.handlers.follow import pass_followed
from bot.telegram.services import Context
from bot.usecases.patient_text import follow


async def passed_on(update: Update, context: Context, patient: Patient, item: CheckinItem, text: str) -> bool:
    """While a crisis alert about the patient is followed (or "Are you safe?" waits), the words go to its
    people and the patient is told so; True then. The check-in is not asked again after it (newcomer5 finding
    45: "no sé, creo que no" was passed on, then met with "I need a whole number from 0 to 10"): its buttons
    above still work, and nothing brings it up after a crisis answer. A try at the question on screen ("7.5",
    "slept kinda weird") is not passed on but asked again (newcomer9 N29, newcomer10 N30): False."""
    if tried_answer(item, text):
        return False
    svc = context.svc
    asked = await question_waiting(context, patient)
    followed = await svc.db(follow, svc.repo, patient, text, svc.now(), question_open=asked is not None)
    if followed is None:
        return False
    await pass_followed(
        update, context, patient, followed, said_in(text, asked[1] if asked is not None else patient.language)
    )
    return True


async def keep_aside(update: Update, context: Context, patient: Patient, draft: Draft, text: str) -> str:
    """Keep the words with the check-in; returns what to tell the patient before the question is asked
    again."""
    svc, lang = context.svc, patient.language
    await svc.db(svc.repo.save_draft, patient.patient_id, with_aside(draft, text).to_dict())
    counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
    return texts.checkin_aside_kept(counselor.name if counselor is not None else "", lang) + "\n\n"
