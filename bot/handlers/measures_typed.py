"""A questionnaire item answered by typing: "2", "nearly every day tbh", "varios días" (newcomer5 finding 18).

Read like the buttons. At a safety item (PHQ-9 item 9) text that cannot be read as an answer is never kept
unsent or guessed low: it gets the crisis answer and pages, with the patient's words, unless the screen
has already answered it as a crisis. At any other item, words the screen answered as a crisis are no answer.
"""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot import texts
from bot.domain.measures import Draft, current
from bot.domain.measures_typed import is_frequency_answer, typed_value
from bot.domain.models import Patient
from bot.handlers import crisis, measures, unsent
from bot.handlers.screened import screened
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.patient_text import answered

PENDING = measures.PENDING


def is_answer(text: str, now: datetime) -> bool:
    """Whether the text reads as an answer on the questionnaire's scale (the screen leaves it to the form)."""
    return is_frequency_answer(text)


async def typed(update: Update, context: Context, patient: Patient, text: str) -> None:
    """Text typed while a questionnaire item waits."""
    svc = context.svc
    draft = await measures.load(context, patient)
    if draft is None:  # closed or too old since: the words are the patient's, handled like any others
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
        await unsent.free_text(update, context, patient, text)
        return
    question = current(draft, svc.instruments)
    instrument, item = question.instrument, question.item
    # The labels the patient was shown (their language's) or the original's.
    shown = instrument.in_language(patient.language).options
    value = typed_value(text, instrument.options)
    value = typed_value(text, shown) if value is None and shown != instrument.options else value
    if screened(context) == "crisis" and instrument.safety_item != item.number:
        # Crisis words are no answer to "nervous, anxious" even with a "sometimes" in them (newcomer14 N98: stored
        # as Several days, and the next item asked under "Are you safe?"): nothing kept, the item waits, and what
        # they type next goes to the people paged until they carry on (offer_rest), as after a safety answer.
        await measures.stop_reading(context, patient)
        return
    if value is not None:
        await measures.take(update, None, context, patient, draft, (draft.index, item.number), value)
        return
    if instrument.safety_item == item.number:
        await measures.stop_reading(context, patient)  # next words go to the people paged
        if screened(context) != "crisis":
            words = texts.measures_typed_alert(instrument.title, item.number, item.text, text)
            await crisis.respond(update, context, patient, words, "phq9_words", typed=text)
        return
    if screened(context) is None and await _answers_counselor(context, patient, draft):
        # "yeah call me, im home" after the counselor wrote during the sitting is for them, never "I couldn't
        # read that" and dropped (newcomer14 N101); the item waits for its answer.
        await unsent.free_text(update, context, patient, text)
        return
    if screened(context) is None:
        await reply(update, pick(patient.language, texts.MEASURES_TYPED_HINT, texts.MEASURES_TYPED_HINT_ES))
        chat = update.effective_chat
        if chat is not None:
            await measures.show_question(chat, context, patient, draft)


async def _answers_counselor(context: Context, patient: Patient, draft: Draft) -> bool:
    """Whether free text now answers a counselor's message written since this sitting began."""
    svc = context.svc
    thread = await svc.db(svc.repo.messages, patient.patient_id)
    reply_to = answered(thread, svc.now())
    return reply_to is not None and reply_to.at > draft.started_at
