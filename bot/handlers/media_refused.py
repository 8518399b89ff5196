"""A voice note, photo, video or file from a patient: never passed on or stored, and never met with silence.

Split from bot/handlers/messages.py (which re-exports ``media``): only typed words can be screened.
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.media import KINDS, media_kind
from bot.handlers.checkin_media import media_at_question
from bot.handlers.crisis_answers import question_waiting
from bot.handlers.media_cards import pass_location, tell_media
from bot.handlers.people import stranger_words
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.media_flag import media_sent
from bot.usecases.patient_text import alert_followed

__all__ = ["media"]


async def media(update: Update, context: Context) -> None:
    """A voice note, photo, video or file: never passed on or stored, and never met with silence."""
    svc, user = context.svc, update.effective_user
    if user is None:
        return
    if await svc.db(svc.repo.counselor, user.id) is not None:
        await reply(update, texts.HELP_COUNSELOR)
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    if patient is None:
        await reply(update, await stranger_words(update, context))
        return
    message = update.message
    location = message.location if message is not None else None
    if location is not None:  # where to send help, during an alert; kept nowhere otherwise (newcomer24 N254)
        passed = await pass_location(context, patient, location.latitude, location.longitude)
        lang = patient.language
        if passed is None:
            await reply(update, texts.location_not_kept(lang))
        else:
            await reply(
                update, texts.location_passed(passed, lang) if passed else texts.words_follow_failed(lang)
            )
        return
    kind = media_kind(f for f in KINDS if message is not None and getattr(message, f, None))
    alert = await svc.db(alert_followed, svc.repo, patient.patient_id, svc.now())
    # A voice note or sticker under "Are you safe right now?" is an answer nobody can read: told (newcomer24 N265).
    asked = await question_waiting(context, patient) if alert is None else None
    written = message.date if message is not None else None
    if alert is None and asked is None and await media_at_question(update, context, patient):
        return  # a 👍 sticker at a check-in's button question: the question again, with its buttons (N267)
    told = (
        await tell_media(context, patient, alert, kind, written)
        if alert is not None or asked is not None
        else []
    )
    typed_only = pick(patient.language, texts.MESSAGE_TYPED_ONLY, texts.MESSAGE_TYPED_ONLY_ES)
    if alert is None and asked is None:  # the counselor's next review says that something came (N276)
        await svc.db(media_sent, svc.repo, patient, kind, svc.now())
        typed_only += "\n" + pick(patient.language, texts.MEDIA_NOTED, texts.MEDIA_NOTED_ES)
    await reply(update, f"{typed_only}\n{texts.media_told(told, patient.language)}" if told else typed_only)
