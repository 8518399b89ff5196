"""A one-line note on what was done, added by whoever acknowledged an alert (newcomer16 N139).

After "Acknowledge" the acknowledger is offered "📝 Add what was done"; their next text (within the same window
as "Message patient") is the note: kept on the alert, shown on every card of it, on the patient page and in the
Timeline, and audit-logged as ``alert_noted`` (never its words). Optional: nothing waits on it.
"""

from __future__ import annotations

import dataclasses
import logging

from telegram import Update

from bot import texts
from bot.domain.escalation import Alert
from bot.domain.models import Counselor
from bot.handlers.alerts import mark_acknowledged
from bot.handlers.counselor_actions import RELAY_FOR
from bot.jobs.reach import send_or_queue
from bot.store.pin_data import NOTE
from bot.telegram.keyboards import answer_query, keyboard, reply
from bot.telegram.services import Context

log = logging.getLogger(__name__)


async def offer(context: Context, counselor: Counselor, alias: str, alert_id: str) -> None:
    """The optional note, offered to the acknowledger once."""
    buttons = keyboard([[(texts.BTN_ACK_NOTE, f"al:note:{alert_id}")]])
    try:
        await context.bot.send_message(
            counselor.telegram_id, texts.ack_note_offer(alias), reply_markup=buttons
        )
    except Exception as exc:  # optional: the acknowledgement stands, and this is logged
        log.warning("the note offer for alert %s to %s did not go: %s", alert_id, counselor.telegram_id, exc)


async def ask(update: Update, context: Context, counselor: Counselor, alert: Alert) -> None:
    """ "al:note:<id>": their next text is the note (only the one who acknowledged it)."""
    query, svc = update.callback_query, context.svc
    assert query is not None
    if alert.open:
        await answer_query(query, texts.ACK_NOTE_OPEN, show_alert=True)
        return
    if alert.acked_by != counselor.telegram_id:
        await answer_query(query, texts.ACK_NOTE_NOT_YOURS, show_alert=True)
        return
    await answer_query(query)
    await svc.db(svc.repo.set_relay, counselor.telegram_id, f"{NOTE}{alert.alert_id}", svc.now())
    await reply(update, texts.ACK_NOTE_ASK)


async def note_text(update: Update, context: Context, text: str) -> bool:
    """The counselor's text after "Add what was done": kept on the alert; False when none was asked for."""
    svc, user = context.svc, update.effective_user
    state = await svc.db(svc.repo.take_note, user.id) if user is not None else None
    if state is None or user is None:
        return False
    alert_id, since = state
    if svc.now() - since > RELAY_FOR:
        return False  # a forgotten tap must not catch tomorrow's text
    counselor = await svc.db(svc.repo.counselor, user.id)
    note = " ".join(text.split())
    if counselor is None:
        return True
    if len(note) > texts.ACK_NOTE_ROOM:
        await svc.db(svc.repo.set_relay, user.id, f"{NOTE}{alert_id}", since)  # still waiting for one
        await reply(update, texts.ack_note_too_long(len(note)))
        return True
    changed = await svc.db(svc.repo.change_alert, alert_id, lambda a: dataclasses.replace(a, ack_note=note))
    if changed is None:
        await reply(update, texts.ALERT_NOT_YOURS)
        return True
    await svc.db(svc.repo.audit, svc.now(), user.id, "alert_noted", changed.patient_id, alert=alert_id)
    alias = await svc.db(svc.repo.alias_of, changed.patient_id) or texts.A_PATIENT
    await mark_acknowledged(context, changed, counselor)
    await send_or_queue(context.bot, svc, user.id, texts.ack_note_saved(alias))
    return True
