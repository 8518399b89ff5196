"""The counselor's PIN: one guard in front of all patient data, and the PIN typed in reply to it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.config.settings import Settings
from bot.domain import pin
from bot.domain.models import Counselor
from bot.handlers.replay import carry_out
from bot.telegram.keyboards import answer_query, reply
from bot.telegram.services import Context

log = logging.getLogger(__name__)
WAITING = "pin_wait"  # user_data key: when the bot asked for the PIN
WAIT_FOR = timedelta(minutes=10)  # a PIN prompt left unanswered must not swallow tomorrow's text
THEN = "pin_then"  # user_data key: the update that asked for the PIN, carried out after it


def policy(settings: Settings) -> pin.Policy:
    """The unlock rules from settings."""
    return pin.Policy(
        idle=timedelta(minutes=settings.counselor_unlock_idle_minutes),
        attempts=settings.counselor_pin_attempts,
        lockout=timedelta(minutes=settings.counselor_lockout_minutes),
    )


async def ensure_unlocked(update: Update, context: Context, counselor: Counselor) -> bool:
    """True if the counselor may see patient data now; otherwise asks for the PIN (or refuses)."""
    svc = context.svc
    record = await svc.db(svc.repo.counselor_pin, counselor.telegram_id)
    now = svc.now()
    if record is None:
        if not svc.settings.counselor_require_pin:
            return True
        await _answer(update)
        await reply(update, texts.PIN_NEEDED)
        return False
    if pin.is_unlocked(record.state, now):
        touched = pin.touch(record.state, now, policy(svc.settings))
        if touched is not record.state:
            await svc.db(svc.repo.save_unlock_state, counselor.telegram_id, touched)
        return True
    await _answer(update)
    if context.user_data is not None:
        # Even when locked out: a PIN typed anyway is then deleted, not left in the chat.
        context.user_data[WAITING] = now
        # What asked for the PIN is carried out once it is right: no "tap the button again".
        context.user_data[THEN] = update
    if pin.is_locked_out(record.state, now):
        await reply(update, texts.pin_locked(pin.minutes_left(record.state, now)))
    else:
        await reply(update, texts.PIN_ASK)
    return False


async def pin_text(update: Update, context: Context, text: str) -> bool:
    """A counselor's text after "Enter your PIN": check it and delete it; False if no PIN was asked for."""
    data = context.user_data if context.user_data is not None else {}
    asked = data.pop(WAITING, None)
    svc, user = context.svc, update.effective_user
    if asked is None or user is None or svc.now() - asked > WAIT_FOR:
        return False
    # Words with no PIN in them stay where they are (newcomer12 N81): the counselor may want them again.
    if pin.is_pin_shaped(text) or pin.may_hold_pin(text):
        await _delete_message(update)
    record = await svc.db(svc.repo.counselor_pin, user.id)
    if record is None:
        return False
    now, rules = svc.now(), policy(svc.settings)
    # scrypt takes tens of milliseconds: off the event loop and off the store worker.
    outcome, state = await asyncio.to_thread(pin.check, record.state, record.pin_hash, text, now, rules)
    if state != record.state:
        await svc.db(svc.repo.save_unlock_state, user.id, state)
    if outcome == "ok":
        await svc.db(svc.repo.audit, now, user.id, "counselor_unlocked", "-")
        await reply(update, texts.PIN_OK)
        then = data.pop(THEN, None)
        if isinstance(then, Update):
            await carry_out(context, then)
        return True
    data[WAITING] = now  # the next text is another try (or, locked out, deleted all the same)
    if outcome == "not_a_pin":  # newcomer12 N81: a message typed at the prompt uses no try
        await reply(update, texts.PIN_NOT_A_PIN)
    elif outcome == "wrong":
        await reply(update, texts.pin_wrong(pin.tries_left(state, rules)))
    else:
        if not pin.is_locked_out(record.state, now):  # this miss started the lockout
            log.warning("counselor %s locked out after %d wrong PINs", user.id, rules.attempts)
            await svc.db(svc.repo.audit, now, user.id, "counselor_locked_out", "-")
        await reply(update, texts.pin_locked(pin.minutes_left(state, now)))
    return True


async def stray_pin(update: Update, context: Context, text: str) -> bool:
    """A counselor's PIN typed when none was asked for: deleted and never echoed or relayed; False otherwise.

    Checked against the stored hash as the unlock checks it (no try is counted): the "not sent, here are
    your words" reply quoted it back, so it sat twice in the chat (newcomer6 finding 13).
    """
    svc, user = context.svc, update.effective_user
    low, high = pin.PIN_DIGITS
    typed = text.strip()
    if user is None or not (typed.isascii() and typed.isdigit() and low <= len(typed) <= high):
        return False
    record = await svc.db(svc.repo.counselor_pin, user.id)
    if record is None or not await asyncio.to_thread(pin.matches, typed, record.pin_hash):
        return False
    await _delete_message(update)
    await reply(update, texts.PIN_STRAY)
    return True


async def _answer(update: Update) -> None:
    """Stop a tapped button's spinner; the prompt itself goes to the chat."""
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):
            await answer_query(update.callback_query)


async def _delete_message(update: Update) -> None:
    """Take the PIN out of the chat history (best effort: the check goes on if Telegram refuses)."""
    message = update.effective_message
    if message is None:
        return
    try:
        await message.delete()
    except TelegramError as exc:
        log.info("could not delete a PIN message: %s", exc)
