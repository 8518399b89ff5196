"""A second process polling with this bot's token: say so loudly, never fight it quietly.

Telegram hands each update to one getUpdates caller only, and ends a waiting long poll with 409
Conflict when another starts (telegram-bot-api's Client::abort_long_poll), so two bots on one token
each get a 409 every few seconds while the updates, a patient's crisis words among them, are split
between them. Neither can tell which one is the real program, so neither stops: each logs an ERROR
(again every ``REPEAT`` while it lasts), tells its reachable admins once per episode, and fails
``iop-bot doctor --live`` (bot/telegram/health.py) until the conflicts stop.

Each episode is on the record too (ops O10: a stray copy run on a restored data dir kept half the crisis
alerts of its minute, and once it stopped nothing here said so): an audit row when it begins and one when it
ends, which `iop-bot doctor` shows for ``SHOWN_FOR`` as the window whose records may live in another copy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from telegram.error import BadRequest, Conflict, NetworkError, TelegramError

from bot import texts
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.telegram.health import unreachable
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)
REPEAT = timedelta(minutes=10)  # the ERROR again while it lasts; a new episode after this long without one
# Over once no 409 came for this long (two polls 409 each other every few seconds while both run).
QUIET = timedelta(minutes=1)
BEGAN, ENDED = "polling_conflict_began", "polling_conflict_ended"
_ptb_log = logging.getLogger("telegram.ext.Updater")
NETWORK_EVERY = 60.0  # seconds between log lines about polls failing on the network (an outage)


def on_polling_error(app: App) -> Callable[[TelegramError], None]:
    """The Updater's ``error_callback``: a 409 Conflict is another poller; anything else, as PTB logs it."""

    def on_error(exc: TelegramError) -> None:
        polling_failed(app, exc)

    if app.job_queue is not None:  # the end of an episode is seen by the quiet after it
        app.job_queue.run_repeating(_watch, interval=QUIET.total_seconds() / 2, name="conflict-watch")
    return on_error


def polling_failed(app: App, exc: TelegramError) -> None:
    """A getUpdates that failed: a second poller, or Telegram out of reach (a window begins: ops O119)."""
    if isinstance(exc, Conflict) and "getUpdates" in str(exc):
        _conflict(app)
        return
    if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):  # BadRequest is one in PTB
        unreachable(app.bot_data.svc)
        # ops O108: PTB logged each failed poll of an outage at ERROR with a 40-line traceback, about six a
        # minute, paging any log-based alert; the health probe's WARNING and `doctor --live` say how long.
        if time.monotonic() - _said_at.get(id(app), -NETWORK_EVERY) >= NETWORK_EVERY:
            _said_at[id(app)] = time.monotonic()
            _ptb_log.warning("polling for updates failed (%s: %s); retrying", type(exc).__name__, exc)
        return
    _ptb_log.exception("Exception happened while polling for updates.", exc_info=exc)


_said_at: dict[int, float] = {}  # per application: when a network failure of polling was last logged


def _conflict(app: App) -> None:
    svc = app.bot_data.svc
    contact, now = svc.api, svc.now()
    new_episode = contact.conflict_at is None or now - contact.conflict_at > REPEAT
    if contact.conflict_since is None:  # a window begins: on the record at once (the bot may be killed in it)
        contact.conflict_since = now
        app.create_task(_record(app, BEGAN, since=now), name="conflict-record")
    contact.conflict_at = now
    contact.conflicts += 1
    if not new_episode and contact.conflict_logged_at and now - contact.conflict_logged_at < REPEAT:
        return
    contact.conflict_logged_at = now
    log.error(
        "another process is polling the Bot API with this bot's token (409 Conflict, %d so far): Telegram "
        "gives each update to only one of them, so some patients' messages, crisis words too, may reach "
        "the other one. Stop it: one `iop-bot run` per token (look for another terminal, host or container)",
        contact.conflicts,
    )
    if new_episode:
        app.create_task(_tell_admins(app), name="second-poller-warning")


async def _tell_admins(app: App) -> None:
    svc = app.bot_data.svc
    for admin in await reachable_admins(svc):
        try:
            await send_to_counselor(app.bot, svc, admin.telegram_id, texts.second_poller_warning())
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s about the second poller: %s", admin.telegram_id, exc)


async def _watch(context: Context) -> None:
    await check_over(context.application)


async def check_over(app: App) -> None:
    """The repeating check: a window with no 409 for ``QUIET`` is over."""
    contact = app.bot_data.svc.api
    if contact.conflict_at is not None and app.bot_data.svc.now() - contact.conflict_at > QUIET:
        await episode_over(app)


async def episode_over(app: App) -> None:
    """Record the end of an open window (also when the bot stops during one): its first and last 409."""
    contact = app.bot_data.svc.api
    since, until = contact.conflict_since, contact.conflict_at
    if since is None or until is None:
        return
    contact.conflict_since = None
    await _record(app, ENDED, since=since, until=until)


async def _record(app: App, action: str, **details: Any) -> None:
    svc = app.bot_data.svc
    shown = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in details.items()}
    try:
        await svc.db(svc.repo.audit, svc.now(), 0, action, "-", **shown)
    except Exception as exc:  # a full disk: the ERROR above and the admins' message still said it
        log.error("the second poller's window could not be recorded (%s): %s", exc, shown)
