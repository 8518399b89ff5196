"""Media from a patient while a crisis alert about them is followed, or under "Are you safe right now?": the
people told hear what came on one card that gathers them and names each kind (newcomer24 N254), and a shared
location reaches the alert's people behind Show message (where to send help). Moved out of bot/handlers/follow.py."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial

from telegram import ReplyParameters
from telegram.error import TelegramError

from bot import texts
from bot.domain.escalation import Alert
from bot.domain.media import MediaCard, joined, joins
from bot.domain.models import Patient
from bot.handlers.follow import _current, pass_on
from bot.telegram.keyboards import retrying
from bot.telegram.services import Context
from bot.usecases.away_cover import covered
from bot.usecases.patient_text import follow

log = logging.getLogger(__name__)
LATE = timedelta(minutes=1)


async def tell_media(
    context: Context, patient: Patient, alert: Alert | None, kind: str, written: datetime | None = None
) -> list[str]:
    """A photo, voice note or file while a crisis alert is followed (newcomer finding 10-19: a photo of where
    they were reached nobody): everyone the alert reached hears that something came, which the bot neither
    reads nor keeps; returns who was told. ``alert`` None: it came under "Are you safe right now?" after worrying
    words (newcomer24 N265): the counselor, and a cover while they are away, hear of it."""
    svc = context.svc
    now = svc.now()
    targets: dict[int, int | None] = {patient.counselor_id: None}
    for d in alert.deliveries if alert is not None else ():
        targets[d.to] = d.message_id
    if alert is None and (cover := await svc.db(covered, svc.repo, patient, now)) is not None:
        targets[cover[2]] = None
    key = alert.alert_id if alert is not None else f"q:{patient.patient_id}"
    told: list[str] = []
    for to, copy in await _current(context, targets):
        if await _card(context, patient, (key, to), kind, copy, question=alert is None, written=written):
            person = await svc.db(svc.repo.counselor, to)
            told.append(person.name if person is not None else "the on-call team")
    return told


async def _card(
    context: Context,
    patient: Patient,
    key: tuple[str, int],
    kind: str,
    copy: int | None,
    *,
    question: bool,
    written: datetime | None = None,
) -> bool:
    """Join this person's card of the last minutes (edited, which Telegram does not notify: after a pause a new
    card notifies anew, as words do), or send a new one; False when they could not be told."""
    svc, to = context.svc, key[1]
    now = svc.now()
    card = svc.state.media_cards.get(key)
    tz = svc.settings.tz
    if card is not None and joins(card, now):
        card = joined(card, kind, now)
        text = texts.media_card(
            patient.alias, card.first_at.astimezone(tz), now.astimezone(tz), card.kinds, question=question
        )
        try:
            await context.bot.edit_message_text(text, chat_id=to, message_id=card.card_id)
            svc.state.media_cards[key] = card
            return True
        except TelegramError as exc:  # not lost: a card of its own tells them instead
            log.warning(
                "could not update the media card of patient %s for %s: %s", patient.patient_id, to, exc
            )
    at = now.astimezone(tz)
    # Sent well before the bot read it (a restart): when it was sent, and how much later it came (N269).
    late = written.astimezone(tz) if written is not None and now - written >= LATE else None
    text = texts.media_card(patient.alias, at, at, (kind,), question=question, written=late)
    replying = ReplyParameters(copy, allow_sending_without_reply=True) if copy else None
    try:
        sent = await retrying(
            partial(context.bot.send_message, to, text, reply_parameters=replying),
            f"media of patient {patient.patient_id} to {to}",
        )
    except TelegramError as exc:
        log.error("media of patient %s after an alert not told to %s: %s", patient.patient_id, to, exc)
        return False
    svc.state.media_cards[key] = MediaCard(sent.message_id, now, now, (kind,))
    return True


async def pass_location(
    context: Context, patient: Patient, latitude: float, longitude: float
) -> list[str] | None:
    """A location while a crisis alert about the patient is followed: kept with their words and passed to the
    alert's people on a card of its own; None when no alert is followed (then it is not kept)."""
    svc = context.svc
    words = texts.location_words(latitude, longitude)
    followed = await svc.db(follow, svc.repo, patient, words, svc.now())
    if followed is None or followed.alert is None:
        return None
    at = followed.message.at.astimezone(svc.settings.tz)
    return await pass_on(context, patient, followed, own_card=texts.location_after_alert(patient.alias, at))
