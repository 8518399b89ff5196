"""/language and /idioma, and the English / Español buttons offered at the start of set-up."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.models import language_of
from bot.handlers import consent, onboarding
from bot.handlers.people import patient_of
from bot.telegram.keyboards import answer_query, close_buttons, reply
from bot.telegram.services import Context
from bot.usecases.language import choose_language


async def language_command(update: Update, context: Context) -> None:
    """/language or /idioma: the choice, whatever else is open (an open question waits as it was); under the
    consent, before anything is stored, the consent in the other language."""
    if await patient_of(update, context) is None and await consent.under_consent(update, context, "/idioma"):
        return
    patient = await onboarding.patient_or_refusal(update, context)
    if patient is not None:
        await reply(update, texts.language_menu(patient.language), onboarding.language_buttons())


async def language_button(update: Update, context: Context) -> None:
    """ "lang:en" / "lang:es": store it, say so in that language, and ask an open set-up question again."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer_query(query)
    patient = await onboarding.patient_or_refusal(update, context)
    if patient is None:
        return
    svc = context.svc
    chosen = await svc.db(choose_language, svc.repo, patient.patient_id, language_of(query.data[5:]))
    if chosen is None:
        return
    await close_buttons(update)
    await reply(update, texts.language_set(chosen.language))
    if not chosen.is_set_up and chosen.language != patient.language:
        await onboarding.resume_setup(update, context, chosen)  # the open question, now in their language
