"""An edited message (newcomer6 finding 15). The crisis screen reads edits first (a crisis typed into an edit is
answered and paged there); anything else an edit says cannot change what the bot already did with the first
words, so the person is told so, never met with silence: a check-in mood corrected from 8 to 2 by an edit had
stayed 8, and the urgent rule never saw the 2."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.language import said_in
from bot.domain.models import Patient
from bot.handlers.follow import pass_on
from bot.handlers.people import stranger_words
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases import patient_text


async def edited(update: Update, context: Context) -> None:
    """Say that the edit was not taken in, in the person's language; counselors: nothing was passed on."""
    svc, user = context.svc, update.effective_user
    if user is None or update.edited_message is None:
        return
    if await svc.db(svc.repo.counselor, user.id) is not None:
        await reply(update, texts.EDIT_NOT_PASSED_COUNSELOR)
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    # Not enrolled, or withdrawn with /stop: what their other words get (there is no check-in to fix).
    if patient is None:
        await reply(update, await stranger_words(update, context))
        return
    if await _to_alert(update, context, patient):
        return
    await reply(update, pick(patient.language, texts.EDIT_NOT_READ, texts.EDIT_NOT_READ_ES))


async def _to_alert(update: Update, context: Context, patient: Patient) -> bool:
    """While a crisis alert about the patient is followed, the edit's words reach its people on a card of their own
    (newcomer24 N253: "i want to kill myself" edited into "i want to kill time before group, lol" was dropped,
    and the counselor phoning read only the first words); the patient is told who has them."""
    svc, message = context.svc, update.edited_message
    text = message.text or message.caption if message is not None else None
    if message is None or not text:
        return False
    words = texts.words_edited(text, message.date)
    followed = await svc.db(patient_text.follow, svc.repo, patient, words, svc.now())
    if followed is None or followed.alert is None:
        return False
    at = followed.message.at.astimezone(svc.settings.tz)
    told = await pass_on(context, patient, followed, own_card=texts.edit_after_alert(patient.alias, at))
    language = said_in(text, patient.language)
    await reply(update, texts.edit_followed(told, language) if told else texts.words_follow_failed(language))
    return True
