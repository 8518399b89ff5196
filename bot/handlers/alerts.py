"""The counselor's side of an alert: see the message (audit-logged) and acknowledge it."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.escalation import acknowledge, may_view
from bot.handlers.unlock import ensure_unlocked
from bot.services import Context

log = logging.getLogger(__name__)


async def alert_button(update: Update, context: Context) -> None:
    """ "al:show:<id>" or "al:ack:<id>" from a counselor's alert."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None and user is not None
    svc = context.svc
    _, action, alert_id = [*query.data.split(":"), "", ""][:3]
    alert = await svc.db(svc.repo.alert, alert_id)
    counselor = await svc.db(svc.repo.counselor, user.id)
    admins = [user.id] if counselor is not None and counselor.role == "admin" else []
    if alert is None or counselor is None or not may_view(alert, user.id, admins):
        log.warning("refused alert button %r from user %s", query.data, user.id)
        await query.answer(texts.ALERT_NOT_YOURS, show_alert=True)
        return
    # The alert itself reached them locked (safety first); its text, or silencing it, needs the PIN.
    if not await ensure_unlocked(update, context, counselor):
        return
    patient = await svc.db(svc.repo.patient, alert.patient_id)
    alias = patient.alias if patient else "a patient"
    if action == "show":
        await query.answer()
        await svc.db(
            svc.repo.audit, svc.now(), user.id, "alert_message_viewed", alert.patient_id, alert=alert_id
        )
        await context.bot.send_message(user.id, texts.alert_message(alias, alert.text))
        return
    if not alert.open:
        await query.answer(texts.ALERT_ALREADY)
        return
    now = svc.now()
    alert = acknowledge(alert, user.id, now)
    await svc.db(svc.repo.save_alert, alert)
    await svc.db(svc.repo.audit, now, user.id, "alert_acknowledged", alert.patient_id, alert=alert_id)
    await query.answer(texts.ALERT_THANKS)
    tz = patient.tz if patient and patient.tz else svc.settings.tz
    # Everyone who got this alert sees who took it, so two people don't both scramble.
    created = alert.created_at.astimezone(tz)
    for d in alert.deliveries:
        minutes = int((d.at - alert.created_at).total_seconds() // 60)
        original = texts.counselor_alert(alert.kind, alias, created, d.round, minutes)
        done = texts.alert_acknowledged(original, counselor.name, now.astimezone(tz))
        try:
            await context.bot.edit_message_text(done, chat_id=d.to, message_id=d.message_id)
        except TelegramError as exc:
            log.info("could not mark alert %s acknowledged for %s: %s", alert_id, d.to, exc)
