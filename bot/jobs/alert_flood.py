"""An alert send that met Telegram's flood control is tried again as soon as the wait is over (ops O49, remainder).

The rate limiter no longer sleeps an alert's 429 silently while holding every other send (bot/telegram/limiter.py);
the alert stays in the outbox, and the regular sweep (every 30 s) would try it again only then. One more sweep is
planned for when Telegram said the wait ends, so a short flood wait costs the alert no more than the wait.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter, TelegramError

from bot.telegram.services import App, Context

NAME = "alerts-after-flood"


def sweep_after_flood(
    app: App, exc: TelegramError, sweep: Callable[[Context], Coroutine[Any, Any, None]]
) -> None:
    """On a 429, one more alert sweep just after its wait (one at a time: the earliest planned stands)."""
    if not isinstance(exc, RetryAfter) or app.job_queue is None or app.job_queue.get_jobs_by_name(NAME):
        return
    after = exc.retry_after
    wait = after.total_seconds() if isinstance(after, timedelta) else float(after)
    app.job_queue.run_once(sweep, when=wait + 0.5, name=NAME)
