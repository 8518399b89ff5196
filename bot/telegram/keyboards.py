"""Replies and inline keyboards, shared by handlers and jobs (a job sends the same buttons a handler answers)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import TypeVar

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot import texts
from bot.telegram.limiter import at_once
from bot.telegram.slow import maybe_delivered

log = logging.getLogger(__name__)

Buttons = Sequence[Sequence[tuple[str, str]]]
T = TypeVar("T")


def keyboard(rows: Buttons) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback_data)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def in_rows(buttons: Sequence[tuple[str, str]], width: int) -> list[list[tuple[str, str]]]:
    """Buttons wrapped into rows of at most `width`, which fit a phone screen."""
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


async def _send_once(
    update: Update, text: str, buttons: Buttons | None = None, *, surely: bool = False
) -> Message | None:
    chat = update.effective_chat
    if chat is None:
        return None
    markup = keyboard(buttons) if buttons else None
    # A safety reply goes past the rate limiter's silent flood waits, which would hold the alert (ops O49);
    # the bot's own send_message: Chat.send_message takes no rate_limit_args.
    if surely:
        bot = chat.get_bot()
        return await bot.send_message(chat.id, text, reply_markup=markup, **at_once(bot))
    return await chat.send_message(text, reply_markup=markup)


async def once_more(send: Callable[[], Awaitable[T]]) -> T:
    """``send()``, and on a passing 5xx once more, so one hiccup of Telegram's does not read as "something
    went wrong on my side" and the same question asked twice (newcomer11 O9). Not on a timeout: it may have
    gone, and an ordinary reply is never sent twice. A second failure goes to the error handler."""
    try:
        return await send()
    except TimedOut:
        raise
    except NetworkError as exc:
        log.warning("a reply failed (%s): trying once more", exc)
        await asyncio.sleep(_REPLY_RETRY_WAIT)
        return await send()


async def reply(update: Update, text: str, buttons: Buttons | None = None) -> Message | None:
    """Answer in the chat the update came from (defaults add HTML and protect_content)."""
    return await once_more(lambda: _send_once(update, text, buttons))


# Waits between tries of a safety reply: about 3 s in all, short enough that the alert behind it is not late.
SAFETY_REPLY_WAITS = (0.25, 0.75, 2.0)
_REPLY_RETRY_WAIT = 0.5


async def retrying(send: Callable[[], Awaitable[T]], what: str) -> T:
    """``send()`` tried again on a passing failure (a 5xx, a connection that failed, flood control) for about
    3 s; a refusal trying again will not change (BadRequest, Forbidden), a timeout waiting for Telegram's answer
    (it may have gone: ops O47, five copies), or the last failure, is raised."""
    for attempt, wait in enumerate((*SAFETY_REPLY_WAITS, None)):
        try:
            return await send()
        except (BadRequest, Forbidden):
            raise
        except TimedOut as exc:
            if maybe_delivered(exc):  # unknown, not refused: a quick copy would be a second crisis answer
                log.warning("%s timed out waiting for Telegram's answer: it may have arrived", what)
                raise
            log.warning("%s failed (try %d): %s", what, attempt + 1, exc)
            if wait is None:
                raise
            pause = wait
        except RetryAfter as exc:
            if wait is None:
                raise
            after = exc.retry_after
            pause = after.total_seconds() if isinstance(after, timedelta) else float(after)
            if pause > sum(SAFETY_REPLY_WAITS[attempt:]):
                # Telegram refuses until after the ~3 s are up: trying sooner earns another 429, and what
                # follows (the alert) must not wait for it. The caller's later tries honour it (ops O49).
                log.warning("%s hit flood control (retry after %.0f s): not waiting for it", what, pause)
                raise
        except NetworkError as exc:  # a 5xx, a connection refused or reset
            log.warning("%s failed (try %d): %s", what, attempt + 1, exc)
            if wait is None:
                raise
            pause = wait
        await asyncio.sleep(pause)
    raise AssertionError("the last try raises or returns")


async def reply_surely(update: Update, text: str, buttons: Buttons | None = None) -> Message | None:
    """A reply that carries safety (crisis lines, "Are you safe right now?"), tried again on a passing
    failure, and never raised: what follows it, the alert that reaches a person, must not depend on it. A
    reply that still does not go is an ERROR; None then."""
    # By the update's id only: a Telegram user id is a real account, and this reply carries safety (ops O65).
    user = f"(update {update.update_id})"
    try:
        # Its own tries, each one send (reply's one more try would double them).
        send = lambda: _send_once(update, text, buttons, surely=True)  # noqa: E731
        return await retrying(send, f"a priority reply {user}")
    except (BadRequest, Forbidden) as exc:  # refusals that trying again will not change
        log.error("a priority reply %s was refused: %s", user, exc)
    except TelegramError as exc:
        if maybe_delivered(
            exc
        ):  # later tries wait longer, and longer for Telegram's answer (handlers/safety_retry)
            log.error("a priority reply %s was not confirmed (Telegram too slow): it may have arrived; "
                      "it is tried again later", user)  # fmt: skip
            return None
        log.error("a priority reply %s could not be sent after %d tries", user, len(SAFETY_REPLY_WAITS) + 1)
    return None


async def close_buttons(update: Update) -> None:
    """Remove the keyboard from the message whose button was pressed, so it cannot be pressed twice."""
    query = update.callback_query
    if query is None or not isinstance(query.message, Message):
        return
    if query.message.reply_markup is not None:
        # Already closed by a double tap: the state check that follows is what matters.
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(None)


async def answer_query(query: CallbackQuery, text: str | None = None, *, show_alert: bool = False) -> None:
    """Answer a button tap (stop its spinner, show a toast) without letting a late answer stop the work.

    Telegram refuses an answer once the tap is some seconds old: a tap replayed after a restart, or one
    that waited behind a slow store; and a call fails now and then (a 5xx, a timeout). The tap itself still
    counts: a "not safe" tap must still reach a counselor (newcomer finding 9-7: one failed answer aborted
    it), so the failure is logged, and a warning meant as a pop-up is sent as a message instead.
    """
    try:
        await query.answer(text, show_alert=show_alert)
    except BadRequest as error:
        if (
            "query is too old" not in error.message.lower()
            and "query id is invalid" not in error.message.lower()
        ):
            raise
        log.info("a button tap was answered too late for its toast (query %s)", query.id)
    except NetworkError as error:  # BadRequest is one too, and handled above
        log.warning(
            "a button tap's answer failed; the tap is handled all the same (query %s): %s", query.id, error
        )
    else:
        return
    if text and show_alert and isinstance(query.message, Message):
        try:
            await query.message.chat.send_message(text)
        except NetworkError as error:  # the pop-up's words are lost; the work behind the tap goes on
            log.error("a button tap's warning could not be shown (query %s): %s", query.id, error)


def rsvp_buttons(occurrence_key: str, language: str = "en") -> InlineKeyboardMarkup:
    """The three answers, kept on the message so a patient can change their mind."""
    labels = texts.RSVP_LABELS_ES if language == "es" else texts.RSVP_LABELS
    return keyboard([[(label, f"rs:{occurrence_key}:{code}")] for code, label in labels.items()])


async def edit_answered(query: CallbackQuery, text: str) -> None:
    """Edit the tapped question to show its answer, where it does not already (ops O66: a tap replayed after a
    kill -9 that came after its edit was refused as "message is not modified", and the answer was never
    saved nor the next question asked)."""
    try:
        await query.edit_message_text(text)
    except BadRequest as error:
        if "not modified" not in error.message:
            raise
