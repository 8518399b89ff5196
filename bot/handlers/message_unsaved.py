"""A message to the counselor that a full or read-only disk kept from being saved (ops O98, second half).

P2's /message could not be saved ("couldn't save that ... try again in a minute"), and the words typed next,
"please call me tomorrow", were answered the same ("Nothing is lost on your side"), kept, and handled again minutes
after the disk was freed as words to nobody ("I've kept that, but I haven't passed it to anyone"): the patient
believed their counselor had them. Words meant as a message (after a /message or "Reply" the store refused, or
while one waits for them) are not kept to be handled again out of their context: the patient hears plainly that
the message did not go through and to send it again or call, the admins hear that a patient's message was lost
(once every ``EVERY`` per patient), and nothing tells anyone it was passed on. A patient lately in crisis is
answered as before: their words are handled again once the disk has room, to reach everyone their alert reached.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.handlers.menus import names
from bot.handlers.messages import PENDING, REPLY_DATA
from bot.handlers.unsaved import lately_in_crisis
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.telegram.services import Context
from bot.texts.base import pick

log = logging.getLogger(__name__)
LATELY = timedelta(minutes=30)  # words this soon after a /message that could not be saved were meant for it
EVERY = timedelta(minutes=10)
_COMMANDS = frozenset(names("message"))


def _asks_to_write(update: Update) -> bool:
    """/message (or /mensaje) or the "Reply" button under a counselor's message."""
    if update.callback_query is not None:
        return update.callback_query.data == REPLY_DATA
    text = update.message.text if update.message is not None else None
    if not text or not text.startswith("/"):
        return False
    return text[1:].split(maxsplit=1)[0].split("@")[0].lower() in _COMMANDS


async def message_unsaved(update: Update, context: Context, language: str) -> str | None:
    """What to tell the patient whose update the store could not save, when it was a message to their counselor
    or the asking for one; None for anything else. Words so answered must not be handled again later.
    ``language``: their Telegram app's, when their records do not say."""
    user = update.effective_user
    text = update.message.text if update.message is not None else None
    asking = _asks_to_write(update)
    if user is None or not (asking or (text and not text.startswith("/"))):
        return None
    svc, now = context.svc, context.svc.now()
    try:
        patient = await svc.db(svc.repo.patient_by_telegram, user.id)
        waiting = await svc.db(svc.repo.pending_input, patient.patient_id) if patient else None
    except Exception:  # records that do not open: the other answers' turn (bot/handlers/errors.py)
        log.exception("could not read whether unsaved words were a message")
        return None
    if patient is None or await lately_in_crisis(context, patient.patient_id):
        return None  # in crisis their words are handled again, to join the alert (bot/handlers/unsaved.py)
    language = patient.language or language
    if asking:
        svc.state.message_unopened[user.id] = now
        return pick(language, texts.MESSAGE_NOT_STARTED, texts.MESSAGE_NOT_STARTED_ES)
    asked = svc.state.message_unopened.get(user.id)
    if not (asked is not None and now - asked < LATELY) and (waiting or {}).get("kind") != PENDING:
        return None
    log.error("a message of patient %s to their counselor could not be saved: they are told to send it again",
              patient.patient_id)  # fmt: skip
    last = svc.state.message_lost_told.get(patient.patient_id)
    if last is None or now - last >= EVERY:
        svc.state.message_lost_told[patient.patient_id] = now
        counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
        notice = texts.message_unsaved_admin(
            patient.alias, counselor.name if counselor else "their counselor", now.astimezone(svc.settings.tz)
        )
        for admin in await reachable_admins(svc):
            try:
                await send_to_counselor(context.bot, svc, admin.telegram_id, notice)
            except TelegramError as exc:  # Unreachable included: already logged and marked
                log.error("could not tell admin %s of a lost message: %s", admin.telegram_id, exc)
    return pick(language, texts.MESSAGE_NOT_SENT, texts.MESSAGE_NOT_SENT_ES)
