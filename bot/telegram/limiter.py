"""The rate limiter, with a way past it for the crisis answer (ops O49).

PTB's ``AIORateLimiter`` answers a 429 by sleeping its ``retry_after`` and trying again, silently, and holds
every other send of the bot while it sleeps. Under it a crisis answer's flood wait (20 s, or minutes for a bot
Telegram thinks is flooding) held the counselor's alert as long, whatever the bot's own "about 3 s, then the
alert goes" rule said. A send marked ``AT_ONCE`` goes straight to Telegram: its 429 comes back to the caller
(``keyboards.retrying``), which waits only as long as its own rule allows, and nothing else waits on it.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Bot
from telegram.ext import AIORateLimiter, ExtBot

JSON = bool | dict[str, Any] | list[dict[str, Any]]
# rate_limit_args that mean "neither throttled nor retried here"; PTB passes it through untouched.
AT_ONCE = -1


class SafetyRateLimiter(AIORateLimiter):
    """``AIORateLimiter``, except for sends marked ``AT_ONCE``."""

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
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)


def at_once(bot: Bot) -> dict[str, Any]:
    """The keyword that sends past the limiter (nothing when the bot has none: PTB refuses the keyword then)."""
    if isinstance(bot, ExtBot) and isinstance(bot.rate_limiter, SafetyRateLimiter):
        return {"rate_limit_args": AT_ONCE}
    return {}
