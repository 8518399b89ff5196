"""Worrying words again while "Are you safe right now?" waits (newcomer10 N44).

Three worrying messages in a minute ("i give up", "nothing matters anymore", "whats the point of trying") got
three identical questions, none answered, and the counselor heard nothing until the next review. Now later
words join the open question: each is kept with its flag, the patient is told so in a line (the question above
still stands), and when ``PILE`` of them wait unanswered within ``WITHIN`` the counselor is told now: not an
urgent page, but not a next-review matter either.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update

from bot import texts
from bot.domain.models import Patient
from bot.handlers.safety_buttons import CHECK
from bot.jobs.reach import send_or_queue
from bot.telegram.keyboards import reply_surely
from bot.telegram.services import Context
from bot.usecases.workspace import check_words as words_flagged

log = logging.getLogger(__name__)
PILE = 3  # worrying messages waiting on one unanswered question: the counselor is told now
WITHIN = timedelta(minutes=30)


async def joined_question(update: Update, context: Context, patient: Patient, language: str) -> bool:
    """True when an unanswered worrying-words question is open: these words (already kept with their flag)
    join it with a short line instead of the same question again."""
    # Here, not at the top: crisis_answers imports the crisis handlers, which import this module.
    from bot.handlers.crisis_answers import question_waiting

    asked = await question_waiting(context, patient)
    if asked is None or asked[2] != CHECK:
        return False
    svc, now = context.svc, context.svc.now()
    waiting = [w for w in await svc.db(words_flagged, svc.repo, patient.patient_id, now - WITHIN) if w[2]]
    await reply_surely(update, texts.check_joined(language))
    if len(waiting) == PILE:  # once, when the pile is reached; later ones are on the counselor's list
        await send_or_queue(
            context.bot, svc, patient.counselor_id, texts.checks_piling(patient.alias, len(waiting))
        )
        log.info("patient %s: %d worrying messages unanswered: counselor told", patient.patient_id, PILE)
    return True
