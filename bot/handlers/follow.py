"""A patient's words while a crisis alert about them is open: passed at once to whoever got the alert.

Each copy of the alert gets a reply saying more words came, with the time, and "Show message" (behind
the PIN, audit-logged, as the alert's own words are); the patient is told who has them. Never the opt-in
"Send it?" drawer: the counselor about to call them must see what they wrote after the crisis.
"""

from __future__ import annotations

import logging
from functools import partial

from telegram import ReplyParameters, Update
from telegram.error import TelegramError

from bot import texts
from bot.domain.escalation import Alert
from bot.domain.follow import WordsCard, gathered, gathers
from bot.domain.models import Patient
from bot.jobs.reach import staff
from bot.store.message_data import Relayed
from bot.telegram.keyboards import keyboard, reply, retrying
from bot.telegram.services import Context
from bot.usecases.away_cover import covered
from bot.usecases.patient_text import Followed

log = logging.getLogger(__name__)


async def pass_followed(
    update: Update, context: Context, patient: Patient, followed: Followed, language: str, then: str = ""
) -> None:
    """Send the stored words to every person the alert reached (or the counselor, for a waiting
    question), each as a reply to their copy, and tell the patient truthfully who has them (``then``: a
    line after that, in the same message)."""
    told = await pass_on(context, patient, followed)
    said = texts.words_followed(told, language) if told else texts.words_follow_failed(language)
    await reply(update, f"{said}\n\n{then}" if then else said)


async def pass_on(
    context: Context, patient: Patient, followed: Followed, reading: str = "", own_card: str = ""
) -> list[str]:
    """Tell every person the alert reached (or the counselor) that these stored words came; returns who was
    told (each a name). ``reading``: crisis words said again, read so: a card of their own (N125); ``own_card``: a
    card of its own with this text (an edit: N253)."""
    svc = context.svc
    message, alert = followed.message, followed.alert
    at = message.at.astimezone(svc.settings.tz)  # a counselor's times: the program's zone, named
    written = message.written.astimezone(svc.settings.tz) if message.written is not None else None
    targets: dict[int, int | None] = {patient.counselor_id: None}
    if alert is not None:
        text = texts.words_after_alert(patient.alias, at, written)
        if reading:
            text = texts.crisis_words_after_alert(patient.alias, at, reading, written)
        button = f"al:words:{alert.alert_id}:{message.message_id}"
        for d in alert.deliveries:  # the newest copy each person got
            targets[d.to] = d.message_id
    else:
        text = texts.words_after_question(patient.alias, at, written)
        button = f"pm:{patient.patient_id}:{message.message_id}"
        # Their counselor away with a cover: the cover gets them too (newcomer20 N196, P1: a goodbye written under
        # the question went only to the counselor on leave, and the patient was told so by name).
        if (cover := await svc.db(covered, svc.repo, patient, svc.now())) is not None:
            targets[cover[2]] = None
    told: list[str] = []
    answered = followed.answers.counselor_id if followed.answers is not None else None
    for to, copy in await _current(context, targets):
        answer = (
            to == answered
        )  # their answer to this person's message: a message of its own (newcomer14 N97)
        if (
            alert is not None
            and not answer
            and not reading
            and not own_card
            and await _gather(context, patient, alert, to, message)
        ):
            told.append(await _name(context, to))
            continue
        replying = ReplyParameters(copy, allow_sending_without_reply=True) if copy else None
        said = texts.words_answer_after_alert(patient.alias, at, written) if answer else own_card or text
        reply_button = [[(texts.BTN_REPLY, f"pa:msg:{patient.patient_id}")]] if answer else []
        markup = keyboard([[(texts.BTN_SHOW_MESSAGE, button)], *reply_button])
        try:
            # Tried again like a safety reply: one 500 must not keep "wrote again" from the person calling them.
            sent = await retrying(
                partial(context.bot.send_message, to, said, reply_markup=markup, reply_parameters=replying),
                f"words of patient {patient.patient_id} to {to}",
            )
        except TelegramError as exc:
            # Loud: stored on the patient's page, but this person was not told.
            log.error("words of patient %s after an alert not passed to %s: %s", patient.patient_id, to, exc)
            continue
        if alert is not None:
            card = WordsCard(
                sent.message_id, message.message_id, message.message_id, message.at, message.at, 1
            )
            svc.state.words_cards[(alert.alert_id, to)] = card
        told.append(await _name(context, to))
    return told


async def _gather(context: Context, patient: Patient, alert: Alert, to: int, message: Relayed) -> bool:
    """Words close after the last ones join that card (newcomer5 finding 20), which then says how many and
    shows them all; False when they start a new card (after a pause, or when the card cannot be edited)."""
    svc = context.svc
    card = svc.state.words_cards.get((alert.alert_id, to))
    if card is None or not gathers(card, message.at):
        return False
    card = gathered(card, message.message_id, message.at)
    tz = svc.settings.tz
    text = texts.words_gathered(
        patient.alias, card.first_at.astimezone(tz), card.last_at.astimezone(tz), card.count
    )
    button = f"al:words:{alert.alert_id}:{card.first}.{card.last}"
    try:
        await context.bot.edit_message_text(
            text,
            chat_id=to,
            message_id=card.card_id,
            reply_markup=keyboard([[(texts.BTN_SHOW_MESSAGES, button)]]),
        )
    except TelegramError as exc:
        # Not lost: a new card of its own tells them (and shows these words) instead.
        log.warning("could not update the words card of patient %s for %s: %s", patient.patient_id, to, exc)
        svc.state.words_cards.pop((alert.alert_id, to), None)
        return False
    svc.state.words_cards[(alert.alert_id, to)] = card
    return True


async def _name(context: Context, to: int) -> str:
    person = await context.svc.db(context.svc.repo.counselor, to)
    return person.name if person is not None else "the on-call team"


async def _current(context: Context, targets: dict[int, int | None]) -> list[tuple[int, int | None]]:
    """The alert's people less the counselors removed since (newcomer5 finding 26: a removed on-call
    counselor, maybe gone from the clinic, was still told "Tyler wrote again")."""
    _, gone = await staff(context.svc)  # and on-call ids that are no counselor (newcomer12 N67)
    return [(to, copy) for to, copy in targets.items() if to not in gone]
