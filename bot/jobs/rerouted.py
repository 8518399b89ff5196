"""The patient hears who truly has their alert when it could not reach their counselor (newcomer N11).

The crisis answer says "I've let your counselor know" when the bot last knew the counselor reachable; a
counselor who has blocked the bot since is found out only when the alert's card is refused, and the alert
goes to on-call and the admins. The patient then gets one short word saying so, once per alert.
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot import texts
from bot.domain.escalation import Alert
from bot.jobs.reach import who_can_be_told
from bot.jobs.unanswered import DANGER, INVITED
from bot.telegram.services import App

log = logging.getLogger(__name__)


async def tell_patient_rerouted(app: App, alert: Alert, to: int) -> None:
    """After round 0 of ``alert`` was refused by ``to``: a word to its patient if ``to`` is their counselor,
    whom the bot's answer named."""
    if to != alert.counselor_id or alert.kind not in DANGER or alert.patient_id.startswith(INVITED):
        return
    svc = app.bot_data.svc
    patient = await svc.db(svc.repo.patient, alert.patient_id)
    if patient is None or patient.status in ("withdrawn", "inactive"):
        return
    who = await who_can_be_told(svc, alert.counselor_id)
    try:
        await app.bot.send_message(
            patient.telegram_id, texts.patient_counselor_not_reached(patient.language, who)
        )
    except TelegramError as exc:
        log.error(
            "alert %s: its patient not told their counselor could not be reached: %s", alert.alert_id, exc
        )
