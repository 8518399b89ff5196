"""The rate limiter, with a way past it for the crisis answer (ops O49).

PTB's ``AIORateLimiter`` answers a 429 by sleeping its ``retry_after`` and trying again, silently, and holds
every other send of the bot while it sleeps. Under it a crisis answer's flood wait (20 s, or minutes for a bot
Telegram thinks is flooding) held the counselor's alert as long, whatever the bot's own "about 3 s, then the
alert goes" rule said. A send marked ``AT_ONCE`` goes straight to Telegram: its 429 comes back to the caller
(``keyboards.retrying``), which waits only as long as its own rule allows, and nothing else waits on it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter, ExtBot

log = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]
# rate_limit_args that mean "neither throttled nor retried here"; PTB passes it through untouched.
AT_ONCE = -1
# An alert's send (ops O49, remainder): never held behind a flood wait, silently, the limiter's or its own. A 429
# is logged and comes back to the alert sweep, whose rounds and rerouting decide; until the wait Telegram gave
# is over, that chat's alert sends are not tried (a send during it only earns a longer one).
ALERT = -2
# How long a send to a person waits out Telegram's flood control before it is given up, loudly (ops O130: a burst
# of 300 set-ups dropped replies after 3 tries, the patient left with no next question).
PATIENCE = 600.0


class SafetyRateLimiter(AIORateLimiter):
    """``AIORateLimiter``, except for sends marked ``AT_ONCE`` or ``ALERT``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._alert_flood: dict[object, float] = {}  # chat id: monotonic time its flood wait ends

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        """The send itself for ``AT_ONCE``; otherwise throttled and retried on 429 as PTB does."""
        if rate_limit_args == AT_ONCE:
            return await callback(*args, **kwargs)
        if rate_limit_args == ALERT:
            return await self._alert(callback, args, kwargs, data.get("chat_id"))
        if rate_limit_args is None and data.get("chat_id") is not None:
            return await self._patient(callback, args, kwargs, data["chat_id"])
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)

    async def _patient(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        chat: object,
    ) -> JSON:
        """A send to a person (a patient's next question): throttled, and on a 429 retried after Telegram's
        retry_after for as long as PATIENCE, not dropped after 3 tries with a traceback each (ops O130); one
        WARNING when it first waits, an ERROR only when it is given up (the error handler tells the admins)."""
        started, tries = time.monotonic(), 0
        private = not (isinstance(chat, str) or (isinstance(chat, int) and chat < 0))
        while True:
            try:
                return await self._run_request(
                    chat=True,
                    group=False if private else chat,  # type: ignore[arg-type]
                    allow_paid_broadcast=False,
                    callback=callback,
                    args=args,
                    kwargs=kwargs,
                )
            except RetryAfter as exc:
                after = exc.retry_after
                wait = (after.total_seconds() if isinstance(after, timedelta) else float(after)) + 0.1
                waited = time.monotonic() - started
                if waited + wait > PATIENCE:
                    log.error(
                        "a send to %s is given up: Telegram's flood control held it %.0f s and asks %.0f s more",
                        chat, waited, wait,
                    )  # fmt: skip
                    raise
                tries += 1
                if tries == 1:
                    log.warning("a send to %s waits Telegram's flood control (%.0f s), then goes", chat, wait)
                self._retry_after_event.clear()  # the bot's other sends wait too: one more would earn a longer wait
                try:
                    await asyncio.sleep(wait)
                finally:
                    self._retry_after_event.set()

    async def _alert(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        chat: object,
    ) -> JSON:
        left = self._alert_flood.get(chat, 0.0) - time.monotonic()
        if left > 0:
            log.warning("an alert to %s is not sent yet: Telegram's flood control (%.0f s left)", chat, left)
            raise RetryAfter(int(left) + 1)
        if not self._retry_after_event.is_set():
            log.warning("an alert to %s goes past the flood wait that holds the bot's other sends", chat)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            after = exc.retry_after
            wait = after.total_seconds() if isinstance(after, timedelta) else float(after)
            self._alert_flood[chat] = time.monotonic() + wait
            log.warning(
                "an alert to %s hit Telegram's flood control (retry after %.0f s): not waited for here, nor are "
                "other sends held; the alert sweep tries again then, its rounds and rerouting go on", chat, wait,
            )  # fmt: skip
            raise


def at_once(bot: Bot) -> dict[str, Any]:
    """The keyword that sends past the limiter (nothing when the bot has none: PTB refuses the keyword then)."""
    if isinstance(bot, ExtBot) and isinstance(bot.rate_limiter, SafetyRateLimiter):
        return {"rate_limit_args": AT_ONCE}
    return {}


def alert_send(bot: Bot) -> dict[str, Any]:
    """The keyword for an alert's send (nothing when the bot has no limiter: PTB refuses the keyword then)."""
    if isinstance(bot, ExtBot) and isinstance(bot.rate_limiter, SafetyRateLimiter):
        return {"rate_limit_args": ALERT}
    return {}
