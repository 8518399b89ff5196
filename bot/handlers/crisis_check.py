"""Worrying but ambiguous words ("check"): one gentle question, a flag for the next review, nobody paged.

Moved out of bot/handlers/crisis.py (the screen) as it grew: the same answer, and since newcomer16 N125 the words
of a burst read together (bot/handlers/crisis_context.py) are flagged whole and taken from the drawer.
"""

from __future__ import annotations

import logging
from datetime import datetime

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
from bot.usecases.check_join import flag_check_words
from bot.usecases.complete_checkin import note_ends_urgent

log = logging.getLogger(__name__)


async def _waiting(context: Context, patient: Patient) -> tuple[int, str, str, datetime] | None:
    """The safety question still waiting for this patient's answer; None when none is (or it cannot be read)."""
    # Here, not at the top: crisis_answers imports the crisis handlers, which import this module.
    from bot.handlers.crisis_answers import question_waiting

    try:
        return await question_waiting(context, patient)
    except Exception as exc:  # a torn file: the question is asked anyway, as before
        log.warning("patient %s: open safety question not read (%s)", patient.patient_id, exc)
        return None


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
    waiting = await _waiting(context, patient)
    # Later words of a burst join the flag of the question still waiting for them (newcomer18 N181).
    asked_at = waiting[3] if waiting is not None and waiting[2] == CHECK else None
    failed: Exception | None = None
    try:
        key = f"safety_check:{now.isoformat()}"
        followed, count = await svc.db(
            flag_check_words, svc.repo, patient, key, details, now, asked_at, texts.words_under_question
        )
    except Exception as exc:  # a torn file or a full disk: the question and its lines never wait on the store
        followed, count, failed = None, 0, exc
    if failed is None and pieces:  # the flag has them now: "kept, not passed to anyone" is no longer true
        await svc.db(patient_text.forget_passed, svc.repo, patient.patient_id, pieces, now)
    if failed is None and followed is None and asked_at is not None:
        await joined_question(update, context, patient, language, count)
        return  # kept with its flag; the question already open stands (newcomer10 N44)
    if failed is None and followed is not None and waiting is not None:
        # Under an open alert too: passed on as before, the question above pointed at, not asked again (N181).
        await pass_followed(update, context, patient, followed, language, then=texts.question_above(language))
        return
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
    overdose = someone_else and any(r.startswith("check:overdose") for r in assessment.reasons)  # N286
    question = texts.check_question(
        language, lines, someone_else=someone_else, review=review, overdose=overdose
    )
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
