"""Crisis words of the same kind again while their alert is open and escalating (newcomer9 N40).

Five crisis messages in a minute were five urgent alerts, each escalating on its own (five acknowledgements
needed), and five identical full answers. Now, as a repeated "I'm not safe" does (bot/jobs/not_safe_again.py),
they join the open alert: it records that they wrote again (its reminders say how often), the words reach
everyone it reached on its "wrote again" card (gathered when close together, behind "Show messages"), and
the patient gets a shorter answer naming who has them. A crisis of another kind (an overdose under way after
suicidal words) is a new event: its own answer and alert, as before. When the words reach nobody now, they
raise an alert of their own after all, so nothing depends on this path working.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import Update

from bot import texts
from bot.domain.burst import READ_TOGETHER
from bot.domain.crisis_kind import CrisisKind
from bot.domain.crisis_lines import answer_lines
from bot.domain.escalation import Alert
from bot.domain.models import Patient
from bot.handlers.follow import pass_on
from bot.handlers.people import written_at
from bot.handlers.safety_retry import retry_later
from bot.jobs.not_safe_again import fold_crisis
from bot.store.storage import RecordsUnavailable
from bot.telegram.keyboards import reply_surely
from bot.telegram.services import Context
from bot.telegram.unavailable import mark_helped
from bot.usecases.patient_text import Followed

log = logging.getLogger(__name__)


async def joined(
    update: Update,
    context: Context,
    patient: Patient,
    text: str,
    kinds: tuple[CrisisKind, ...],
    language: str,
    *,
    others: bool = False,
    now: bool = False,
    reasons: Sequence[str] = (),
) -> bool:
    """Join these crisis words to the open alert of their kind, pass them on and answer shortly; False when
    there is no such alert, or the words could not be kept or reach anyone (the caller then answers and
    alerts as for new crisis words)."""
    svc = context.svc
    folded = await fold_crisis(context.application, patient, kinds)
    if folded is None:
        return False
    try:
        message = await svc.db(
            svc.repo.record_message,
            patient.patient_id,
            "patient",
            patient.counselor_id,
            patient.telegram_id,
            text,
            svc.now(),
            written=written_at(update, context),
        )
    except (RecordsUnavailable, OSError) as exc:  # a torn file or a full disk: the words go as an alert
        log.error("patient %s: crisis words said again could not be kept: %s", patient.patient_id, exc)
        return False
    # A new warning sign read with the words before it, on a card of its own (newcomer15 N125: "bye" after the
    # rope was one more "wrote again"); the same words again gather on one card as before (newcomer9 N40).
    new = {READ_TOGETHER, "crisis:overdose.getting_worse"} & set(
        reasons
    )  # and an overdose getting worse (N123)
    reading = texts.since_reading("crisis", reasons) if new else ""
    told = await pass_on(context, patient, Followed(message, folded), reading)
    if not told:  # nobody has them now: a new alert, with its outbox and its escalation, carries them
        log.error("patient %s: crisis words said again reached nobody: a new alert", patient.patient_id)
        return False
    # The domestic-violence line only when danger from someone else was read, as in the first answer.
    lines, abuse, _ = answer_lines(svc.settings, patient, language, others=others)
    body = texts.crisis_again(
        kinds, language, told, lines, abuse_lines=abuse, after_hours=svc.settings.after_hours_phone, now=now
    )
    if await reply_surely(update, body) is not None:
        mark_helped(update, context.chat_data)
    else:
        retry_later(update, context, body, patient_id=patient.patient_id, language=language)
    return True


REPLAY_SLACK = timedelta(minutes=5)  # the message's date on our clock: the offset may be measured anew


async def replayed(update: Update, context: Context, patient: Patient, text: str) -> bool:
    """This very message, replayed after a crash, whose alert was raised (and answer sent) before it: not
    answered or passed on again (newcomer12 N68: "wrote again" with the same words, "2 times", and a second
    answer). An alert whose answer may not have reached the patient is answered again, as before."""
    message, svc = update.message, context.svc
    if message is None or update.update_id not in svc.state.replayed:
        return False
    written = svc.api.on_our_clock(message.date)
    for row in await svc.db(svc.repo.patient_alerts, patient.patient_id):
        alert = Alert.from_dict(row)
        same = alert.text == text or alert.text.startswith(f"{text}\n\n")  # kept words may follow it
        if same and alert.written_at is not None and abs(alert.written_at - written) <= REPLAY_SLACK:
            if alert.reply_unsent:
                return False
            log.info("patient %s: a replayed message was alerted on before (alert %s): not again",
                     patient.patient_id, alert.alert_id)  # fmt: skip
            return True
    return False
