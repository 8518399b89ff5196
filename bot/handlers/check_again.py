"""Worrying words again while "Are you safe right now?" waits (newcomer10 N44).

Three worrying messages in a minute ("i give up", "nothing matters anymore", "whats the point of trying") got
three identical questions, none answered, and the counselor heard nothing until the next review. Now later
words join the open question: kept with its flag (one flag for them all since newcomer18 N181), the patient is
told so in a line (the question above still stands), and when ``PILE`` of them wait unanswered the counselor is
told now: not an urgent page, but not a next-review matter either.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot import texts
from bot.domain.models import Patient
from bot.jobs.present import tell_present
from bot.telegram.keyboards import reply_surely
from bot.telegram.services import Context

log = logging.getLogger(__name__)
PILE = 3  # worrying messages waiting on one unanswered question: the counselor is told now


async def joined_question(
    update: Update, context: Context, patient: Patient, language: str, count: int
) -> None:
    """Worrying words joined to the unanswered question's flag (``count`` messages in it now): a short line
    instead of the same question again, and the counselor told once when they pile up."""
    svc = context.svc
    await reply_surely(update, texts.check_joined(language))
    if count == PILE:  # once, when the pile is reached; later ones are on the counselor's list
        # Their cover too, while the counselor is away (newcomer20 N196 addenda).
        await tell_present(context.bot, svc, patient, texts.checks_piling(patient.alias, count))
        log.info("patient %s: %d worrying messages unanswered: counselor told", patient.patient_id, PILE)
