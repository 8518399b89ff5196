"""A safety reply Telegram did not take is tried again until it goes (newcomer finding 10-2).

`reply_surely` tries for about three seconds, so the alert behind it is never late. A longer outage used to
leave the person who wrote "tonight is the night" with nothing at all: no crisis lines, no question, and no
sign anyone read them. Now the same answer is tried again over about half an hour, and while it has not gone
the alert card tells the counselor so (``Alert.reply_unsent``); when it goes, the card's flag is cleared and
the "Are you safe right now?" it carries is the open question, as if it had gone the first time.

The retries live in the job queue, not the store: after a restart they are not resumed, but the alert card
still says the answer never reached the patient, so a person knows to reach them directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from telegram import ReplyParameters, Update
from telegram.error import BadRequest, Forbidden, TelegramError

from bot import texts
from bot.domain.escalation import Alert
from bot.handlers.screened import keep_safety_question, safety_asked
from bot.telegram import priority
from bot.telegram.keyboards import Buttons, keyboard
from bot.telegram.services import App, Context
from bot.telegram.slow import SURE_READ_TIMEOUT, maybe_delivered

log = logging.getLogger(__name__)

# Seconds before each further try: 20 s, then longer, about 36 minutes in all (a Telegram outage rarely lasts
# longer, and by then the counselor has been paged twice with the card that says the answer is missing).
WAITS = (20.0, 40.0, 60.0, 120.0, 300.0, 600.0, 1020.0)


@dataclass(frozen=True)
class PendingReply:
    """The answer that did not go, and what to record once it does."""

    chat_id: int
    text: str
    buttons: Buttons | None
    patient_id: str | None = None  # None for someone not enrolled: nothing to record
    language: str = "en"
    kind: str | None = None  # the "Are you safe right now?" kind, when the answer asks it
    attempt: int = 0


def retry_later(
    update: Update,
    context: Context,
    text: str,
    buttons: Buttons | None = None,
    *,
    patient_id: str | None = None,
    language: str = "en",
    kind: str | None = None,
) -> None:
    """Try ``text`` again later in the chat ``update`` came from (after `reply_surely` gave up)."""
    chat = update.effective_chat
    if chat is None or context.job_queue is None:
        log.error("a priority reply that did not go cannot be tried again (no chat or no job queue)")
        return
    pending = PendingReply(chat.id, text, buttons, patient_id, language, kind)
    _schedule(context, pending)


def _schedule(context: Context, pending: PendingReply) -> None:
    app: App = context.application  # typed as the one App, whose job queue takes Context callbacks
    if app.job_queue is not None:  # checked by retry_later; a job has one
        app.job_queue.run_once(_again, WAITS[pending.attempt], data=pending, name=priority.JOB)


async def _again(context: Context) -> None:
    """One more try; the next is scheduled from here, so a slow try never overlaps the one after."""
    assert context.job is not None
    pending: PendingReply = context.job.data  # type: ignore[assignment]
    svc = context.svc
    try:
        markup = keyboard(pending.buttons) if pending.buttons else None
        # Waits long for Telegram's answer: a slow Telegram confirms this copy instead of receiving another.
        sent = await context.bot.send_message(
            pending.chat_id, pending.text, reply_markup=markup, read_timeout=SURE_READ_TIMEOUT
        )
    except (BadRequest, Forbidden) as exc:  # blocked, deleted: no later try will change it
        log.error("a priority reply to %s was refused for good: %s", _whom(pending), exc)
        return
    except TelegramError as exc:
        if pending.attempt + 1 >= len(WAITS):
            log.error(
                "a priority reply to %s never went (%d tries): %s",
                _whom(pending),
                pending.attempt + 5,
                exc,
            )
            return
        # Through an outage the tries go on (a timeout too: a dead connection looks the same), each spaced
        # by WAITS, longer than the read timeout, so a slow Telegram is not sent copies in a row (ops O47).
        why = "not confirmed (it may have arrived)" if maybe_delivered(exc) else "failed again"
        log.warning("a priority reply to %s %s: %s", _whom(pending), why, exc)
        _schedule(context, replace(pending, attempt=pending.attempt + 1))
        return
    log.info("a priority reply to %s went on a later try", _whom(pending))
    svc.api.late_replies += 1  # told with an outage's window (bot/jobs/outage.py)
    if pending.patient_id is None:
        return
    if pending.kind is not None:
        safety_asked(context, pending.patient_id, sent.message_id, pending.language, pending.kind)
        await keep_safety_question(context, pending.patient_id)
    for alert in await svc.db(svc.repo.open_alerts):
        if alert.patient_id == pending.patient_id and alert.reply_unsent:
            await svc.db(svc.repo.change_alert, alert.alert_id, _answered)
            await _tell_card_holders(context, alert)


async def _tell_card_holders(context: Context, alert: Alert) -> None:
    """A reply under each card that said the answer had not gone: it has now (newcomer N11)."""
    svc = context.svc
    alias = await svc.db(svc.repo.alias_of, alert.patient_id) or texts.A_PATIENT
    text = texts.reply_went_later(alias, svc.now().astimezone(svc.settings.tz))
    newest = {d.to: d.message_id for d in alert.deliveries}  # each person's latest copy
    for to, copy in newest.items():
        try:
            replying = ReplyParameters(copy, allow_sending_without_reply=True)
            await context.bot.send_message(to, text, reply_parameters=replying)
        except TelegramError as exc:
            log.error("alert %s: %s not told the patient's answer went: %s", alert.alert_id, to, exc)


def _answered(alert: Alert) -> Alert:
    return replace(alert, reply_unsent=False)


def _whom(pending: PendingReply) -> str:
    """Who a log line names: the pseudonymous patient id, never the chat (a real Telegram account: ops O65)."""
    # None for someone not enrolled, and for replies that record nothing when they go (the SOS plan).
    return f"patient {pending.patient_id}" if pending.patient_id else "someone"
