"""A moved patient's words to their old counselor that nobody answered go to the new one (ops O97).

Riley left with 40 patients seconds after R3's "I need to talk about my meds" (R3 told "Sent to Riley Stone"):
the hand-over named every patient and carried their open alerts, but R3's message sat only in Riley's chat,
which Riley had left. `iop-bot counselor remove --reassign-to` and `patient reassign` list, in the move, the
patient's messages to the old counselor of the last week with no counselor message after them
(bot/admin/people.py); after the hand-over card each goes to the new counselor as it came, with its Reply (or,
while their bot is locked with a PIN, a nameless card with "Show message").
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.error import TelegramError

from bot import texts
from bot.jobs.digest import locked
from bot.jobs.reach import send_to_counselor
from bot.telegram.keyboards import keyboard
from bot.telegram.services import App

log = logging.getLogger(__name__)
SHOW = "pm:"  # bot/handlers/messages.py's SHOW_PREFIX: its "Show message" button (tests pin the two equal)
REPLY = "pa:msg:"  # the Reply button under a patient's message (bot/handlers/messages.py)


async def hand_over_words(app: App, moved: list[dict[str, Any]], from_name: str) -> int:
    """Send each moved patient's unanswered messages to their new counselor; how many went."""
    svc = app.bot_data.svc
    sent = 0
    for move in moved:
        patient = await svc.db(svc.repo.patient, str(move["patient_id"]))
        if patient is None:
            continue
        for message_id in move.get("messages") or []:
            message = await svc.db(svc.repo.message, patient.patient_id, str(message_id))
            if message is None:  # erased since
                continue
            to, tz = patient.counselor_id, svc.settings.tz
            if await svc.db(locked, svc.repo, svc.settings, to, svc.now()):
                text = texts.handed_message_locked(patient.alias, from_name)
                buttons = [[(texts.BTN_READ_MESSAGE, f"{SHOW}{patient.patient_id}:{message.message_id}")]]
            else:
                written = message.written.astimezone(tz) if message.written is not None else None
                at = message.at.astimezone(tz)
                text = texts.handed_message(patient.alias, from_name, at, message.text, written)
                buttons = [[(texts.BTN_REPLY, f"{REPLY}{patient.patient_id}")]]
            try:
                await send_to_counselor(app.bot, svc, to, text, reply_markup=keyboard(buttons))
            except TelegramError as exc:  # Unreachable included: the message stays on the patient's page
                log.error(
                    "patient %s's unanswered message %s not handed to %s: %s",
                    patient.patient_id, message.message_id, to, exc,
                )  # fmt: skip
                continue
            sent += 1
    if sent:
        log.info("%d unanswered patient message(s) handed over", sent)
    return sent
