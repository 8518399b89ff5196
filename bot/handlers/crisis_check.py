"""Worrying but ambiguous words ("check"): one gentle question, a flag for the next review, nobody paged.

Moved out of bot/handlers/crisis.py (the screen) as it grew: the same answer, and since newcomer16 N125 the words
of a burst read together (bot/handlers/crisis_context.py) are flagged whole and taken from the drawer.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot import texts
from bot.domain.crisis_kind import about_someone_else
from bot.domain.crisis_lines import lines_for
from bot.domain.models import Patient
from bot.domain.screen.assess import Assessment
from bot.handlers.check_again import joined_question
from bot.handlers.crisis_context import burst_pieces
from bot.handlers.follow import pass_followed
from bot.handlers.safety_buttons import CHECK, safety_buttons
from bot.handlers.safety_retry import retry_later
from bot.handlers.screened import keep_safety_question, safety_asked
from bot.telegram.keyboards import reply_surely
from bot.telegram.services import Context
from bot.usecases import patient_text
from bot.usecases.complete_checkin import note_ends_urgent
from bot.usecases.patient_text import check_words

log = logging.getLogger(__name__)


async def check(
    update: Update, context: Context, patient: Patient, assessment: Assessment, words: str, language: str
) -> None:
    """Worrying but ambiguous words: one gentle question, a flag for the next review, nobody paged."""
    svc, now = context.svc, context.svc.now()
    # The words are kept with the flag (in the patient's own file) for the counselor's review.
    # Read with the pieces kept just before it, the words are all of them (newcomer16 N125), taken from the drawer.
    pieces = burst_pieces(context)
    details = {
        "reasons": [r for r in assessment.reasons if r.startswith("check:")],
        "text": texts.burst_words(pieces, words),
        "words": [*pieces, words],  # each message as sent: a goodbye after them is read with them (N178)
    }
    failed: Exception | None = None
    try:
        followed = await svc.db(
            check_words, svc.repo, patient, f"safety_check:{now.isoformat()}", details, now
        )
    except Exception as exc:  # a torn file or a full disk: the question and its lines never wait on the store
        followed, failed = None, exc
    if failed is None and pieces:  # the flag has them now: "kept, not passed to anyone" is no longer true
        await svc.db(patient_text.forget_passed, svc.repo, patient.patient_id, pieces, now)
    if failed is None and followed is None and await joined_question(update, context, patient, language):
        return  # kept with its flag; the question already open stands (newcomer10 N44)
    lines = lines_for(svc.settings, patient, language).lines
    # Under an open alert the words go to its people now: "at their next review" would be untrue (newcomer9 N23);
    # so it is when they end a check-in that pages at once (newcomer16 N120).
    try:
        urgent_note = await svc.db(
            note_ends_urgent, svc.repo, patient.patient_id, svc.checkin, svc.flag_rules, now
        )
    except Exception as exc:  # a torn file or a full disk: the question is asked anyway, as above
        log.warning("patient %s: open check-in not read for the question (%s)", patient.patient_id, exc)
        urgent_note = False
    someone_else = about_someone_else(assessment.reasons)
    review = followed is None and not urgent_note
    question = texts.check_question(language, lines, someone_else=someone_else, review=review)
    # "check" in the buttons: the counselor is told the answer to this question, not to an alert.
    buttons = safety_buttons(language, misread=False, kind=CHECK)
    asked = await reply_surely(update, question, buttons)
    if asked is not None:
        safety_asked(context, patient.patient_id, asked.message_id, language, CHECK)
    else:
        retry_later(
            update, context, question, buttons, patient_id=patient.patient_id, language=language, kind=CHECK
        )
    if failed is not None:
        raise failed  # asked first; the error handler tells who it must, as before the words were kept first
    await keep_safety_question(context, patient.patient_id)
    if followed is not None:  # an alert is open: the people about to call them read these words now
        await pass_followed(update, context, patient, followed, language)
