"""An alert the store could not save (a full or read-only disk): sent at once, kept in memory, and put on the
record as soon as the store takes it (newcomer11 O5: once the disk had room again, the alert and its pages
were on no record, and an incident review of that patient showed no crisis).

Once stored it is an ordinary open alert: what was sent is recorded as its first round (so it is not sent
twice), and it escalates until someone acknowledges it. A restart before then forgets it; the ERROR logged when
it could not be stored stays in the log.
"""

from __future__ import annotations

import dataclasses
import logging
from functools import partial

from telegram.error import TelegramError

from bot import texts
from bot.domain.escalation import Alert, Delivery
from bot.jobs.present import present_for
from bot.jobs.reach import on_call_now
from bot.telegram.keyboards import retrying
from bot.telegram.services import App, Services
from bot.usecases.sos import sos_opened

log = logging.getLogger(__name__)


async def send_unsaved(app: App, svc: Services, alert: Alert, alias: str) -> None:
    """Safety before bookkeeping: nothing stored can escalate, so everyone hears now; kept to store later."""
    # A counselor's times are in the program's zone, named (their patients live in many).
    at = alert.created_at.astimezone(svc.settings.tz)
    text = texts.unsaved_alert(alert.kind, alias, at)
    sent: list[Delivery] = []
    # The cover too while the counselor is away (newcomer20 N196 addenda), as a stored alert's round 0 has it.
    present = (await present_for(svc, alert.counselor_id)).who
    for to in dict.fromkeys([*present, *await on_call_now(svc)]):
        try:
            # Tried again like a safety reply: this send is all there is (audit: one 500 told nobody).
            message = await retrying(
                partial(app.bot.send_message, to, text), f"unsaved alert {alert.alert_id} to {to}"
            )
            sent.append(Delivery(0, to, message.message_id, svc.now()))
        except TelegramError as exc:
            log.error("unsaved alert %s to %s not delivered: %s", alert.alert_id, to, exc)
    svc.state.alerts_unstored.append(dataclasses.replace(alert, deliveries=tuple(sent)))


async def store_late(svc: Services) -> None:
    """Put every alert (and SOS opening) kept in memory on the record, with what was sent; those the store still
    refuses wait."""
    await _sos_late(svc)
    waiting, svc.state.alerts_unstored = svc.state.alerts_unstored, []
    for alert in waiting:
        # The rows a refused try put on the audit log stay there: the next try writes only the others (O117).
        audited = svc.state.alerts_audited.setdefault(alert.alert_id, set())
        try:
            await svc.db(svc.repo.add_alert_late, alert, svc.now(), audited)
            del svc.state.alerts_audited[alert.alert_id]
        except OSError as exc:
            svc.state.alerts_unstored.append(alert)
            log.warning("alert %s still cannot be stored: %s", alert.alert_id, exc)
            continue
        log.error(
            "alert %s for patient %s stored late, now the store takes writes: it escalates from now on",
            alert.alert_id,
            alert.patient_id,
        )


async def _sos_late(svc: Services) -> None:
    """SOS openings the store refused (bot/handlers/sos.py), flagged for review at the time they were opened."""
    waiting, svc.state.sos_unstored = svc.state.sos_unstored, []
    for patient, at in waiting:
        try:
            await svc.db(sos_opened, svc.repo, patient, at)
        except OSError as exc:
            svc.state.sos_unstored.append((patient, at))
            log.warning("the SOS of patient %s still cannot be stored: %s", patient.patient_id, exc)
            continue
        log.error(
            "the SOS of patient %s at %s stored late, now the store takes writes", patient.patient_id, at
        )
