"""Every update Telegram delivers is handled, once: made durable on arrival, replayed after a crash.

python-telegram-bot puts each fetched (or webhook-posted) update on its update queue, and only
then confirms it to Telegram (the next getUpdates; the webhook's 200). The queue here writes the
update to the inbox first (bot/store/inbox.py), so a kill -9 at any point loses nothing: start-up
replays what was received but not handled. A webhook's update is fsynced before ``put`` returns; a
getUpdates batch is fsynced once, before the next getUpdates (the one that confirms it) is sent. A copy of an update already received (Telegram sends
again what was not confirmed) is recognised by its content, whatever its id, and skipped loudly.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.request import HTTPXRequest

from bot import texts
from bot.store.files import has_room
from bot.telegram.acted import handled, handling
from bot.telegram.http import ResponseHook, client_options
from bot.telegram.ordering import PerPersonOrder
from bot.telegram.services import App, Services

if TYPE_CHECKING:
    from bot.store.inbox import Status

log = logging.getLogger(__name__)
ALARM_EVERY = 3600.0  # seconds: admins hear about a deaf or crash-unsafe bot at most hourly


def identify(update: Update, raw: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """The update's identity, and its JSON to store (``raw``, as Telegram sent it, when known).

    What Telegram sends again is the same update: the same id, chat, message, date and text, or the same
    button press (query id). Ids alone collide when Telegram restarts or jumps them, or a new token or bot
    starts over; with the content they do not. When in doubt the update counts as new: answering twice
    costs little, never answering can cost a life.
    """
    data = raw if raw is not None else update.to_dict()  # to_dict: ~0.4 ms, so polling keeps the raw JSON
    kind = next((k for k in Update.ALL_TYPES if getattr(update, k, None) is not None), "update")
    message = getattr(update, kind, None) if kind in _MESSAGES else None
    query = update.callback_query
    parts: list[Any] = [kind, update.update_id]
    if isinstance(message, Message):
        edited = message.edit_date.timestamp() if message.edit_date else 0
        parts += [message.chat.id, message.message_id, message.date.timestamp(), edited]
        parts.append(message.text or message.caption or "")
    elif query is not None:
        parts += [query.id, query.from_user.id, query.data or ""]
    else:
        parts.append(data)
    body = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return f"{kind}:{hashlib.sha256(body.encode()).hexdigest()[:40]}", data


_MESSAGES = {
    "message", "edited_message", "channel_post", "edited_channel_post", "business_message",
    "edited_business_message",
}  # fmt: skip


class UpdatesRequest(HTTPXRequest):
    """getUpdates' connection (PTB's default, one connection) that keeps each batch's JSON as sent."""

    def __init__(self, queue: DurableQueue, on_response: ResponseHook | None = None) -> None:
        super().__init__(connection_pool_size=1, httpx_kwargs=client_options(on_response))
        self._queue = queue

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:  # type: ignore[override]
        data = super().parse_json_payload(payload)
        result = data.get("result")
        if isinstance(result, list):
            # PTB queues a whole batch before it fetches the next one, so one batch at a time is enough.
            self._queue.raw = {u["update_id"]: u for u in result if isinstance(u, dict) and "update_id" in u}
        return data

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Every getUpdates (its offset tells Telegram the last batch arrived) waits for that batch's fsync."""
        await self._queue.sync()
        return await super().do_request(*args, **kwargs)


class DurableQueue(asyncio.Queue[object]):
    """PTB's update queue: an update is on disk before ``put`` returns, so before Telegram is told."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.svc = services
        self.app: App | None = None  # set at start-up, for the admins' notices
        self._keys: dict[int, str] = {}  # id(update) -> identity, until handled
        self.raw: dict[int, dict[str, Any]] = {}  # the current getUpdates batch as Telegram sent it
        self._skipped = 0
        self._unsynced = 0  # updates of the last getUpdates batch written but not yet fsynced
        # The admins' last notice of each reason, in case the disk cannot say.
        self._told_at: dict[str, datetime] = {}
        # Handled (or failed for want of disk) but not marked so in the inbox: ``retry`` (ops O42).
        self.unfinished: dict[str, object] = {}
        # Alarms the disk did not take (reason -> first time, count): recorded once it does (ops O64).
        self._unrecorded: dict[str, tuple[datetime, int]] = {}

    async def put(self, item: object) -> None:
        """Make an update durable (or skip a copy of one already received), then queue it."""
        if isinstance(item, Update) and not await self._receive(item):
            return
        await super().put(item)

    async def _receive(self, update: Update) -> bool:
        svc = self.svc
        raw = self.raw.pop(update.update_id, None)
        # From getUpdates (its JSON kept), Telegram hears of it only at the next getUpdates: the batch's
        # last update fsyncs the lines before it too (one fsync a batch; sync() before the next getUpdates
        # is the backstop). A webhook's update (its 200 follows put) is fsynced now.
        later = raw is not None and bool(self.raw)
        try:
            key, status = await svc.db(_receive, svc, update, raw, later)
        except OSError as exc:
            # Handled anyway (a crisis must be answered), but a crash now would lose it: say so.
            log.error(
                "inbox: could not save update %s: %s; handling it without a copy", update.update_id, exc
            )
            self.alarm("write_failed", 1)
            return True
        if status == "new":
            self._keys[id(update)] = key
            await self._record_late()
            self._unsynced = self._unsynced + 1 if later else 0  # an fsync covers the lines before it
            return True
        if status == "pending":
            # Sent again before the first copy was handled (or while it is being replayed).
            log.warning("update %s is already waiting in the inbox; this copy is skipped", update.update_id)
            return False
        self._skipped += 1
        log.error("update %s (%s) was handled before; skipped", update.update_id, key.split(":")[0])
        self.alarm("skipped", self._skipped)
        return False

    async def sync(self) -> None:
        """Make the last getUpdates batch durable: before Telegram is told it arrived."""
        if not self._unsynced:
            return
        count, self._unsynced = self._unsynced, 0
        svc = self.svc
        try:
            await svc.db(svc.repo.inbox.sync)
        except OSError as exc:
            # Handled anyway (they are on their way), but a crash now could lose them: say so.
            log.error(
                "inbox: could not save %d received update(s): %s; handling them without a copy", count, exc
            )
            self.alarm("write_failed", 1)

    async def replay(self, app: App) -> int:
        """Queue what was received before a restart but never handled, oldest first."""
        self.app, bot = app, app.bot
        svc = self.svc
        waiting = await svc.db(svc.repo.inbox.waiting)
        dropped = 0
        for key, data in waiting:
            try:
                update = Update.de_json(data, bot)
            except Exception as exc:  # an update PTB cannot read now: never replay it forever
                log.error("inbox: update %s could not be read back (%r); dropped", data.get("update_id"), exc)
                await svc.db(svc.repo.inbox.finish, key)
                dropped += 1
                continue
            self._keys[id(update)] = key
            svc.state.replayed.add(update.update_id)  # its crisis words may have been alerted on already
            await super().put(update)
        if waiting:
            log.warning("replaying %d update(s) received before a restart but not handled", len(waiting))
        if dropped:  # a person's words, maybe crisis words, that nobody will answer: the admins hear (audit)
            self.alarm("unreadable", dropped)
        return len(waiting)

    async def finished(self, update: object) -> None:
        """Mark an update handled, so it is not replayed."""
        key = self._keys.pop(id(update), None)
        if key is None:
            return
        try:
            await self.svc.db(self.svc.repo.inbox.finish, key)
            if isinstance(update, Update):  # marked done: never handled again (the set stays small)
                self.svc.state.unsaved_updates.discard(update.update_id)
        except OSError as exc:
            log.error("inbox: could not mark update as handled (tried again when the disk has room): %s", exc)
            self.unfinished[key] = update
            self.alarm("write_failed", 1)
            return
        await self._record_late()

    async def _record_late(self) -> None:
        """The alarms a full disk refused, now that the inbox took a write: doctor's note of the window."""
        for reason, (at, count) in list(self._unrecorded.items()):
            until = self.svc.now().timestamp()
            try:
                await self.svc.db(self.svc.repo.inbox.alarm_late, reason, count, at.timestamp(), until)
            except OSError:
                return  # still refused: kept for the next write
            self._unrecorded.pop(reason, None)
            log.warning("inbox: the %s alarm from %s is recorded now that the disk takes writes", reason, at)

    async def retry(self) -> int:
        """Once the disk has room again (ops O42: only a restart did this): updates whose handling failed for
        want of disk are handled again, the others marked handled; returns how many were handled again."""
        svc = self.svc
        if not self.unfinished or not await svc.db(has_room, svc.settings.data_dir):
            return 0
        again = 0
        for key, update in list(self.unfinished.items()):
            update_id = update.update_id if isinstance(update, Update) else None
            if update_id in svc.state.unsaved_updates:
                del self.unfinished[key]
                svc.state.unsaved_updates.discard(update_id)
                svc.state.replayed.add(update_id)  # as a restart's replay reads it
                self._keys[id(update)] = key
                await super().put(update)
                again += 1
                continue
            try:
                await svc.db(svc.repo.inbox.finish, key)
            except OSError as exc:
                log.warning("inbox: still cannot mark an update as handled: %s", exc)
                return again
            del self.unfinished[key]
        if again:
            log.warning("handling %d update(s) again that could not be saved while the disk was full", again)
        return again

    def alarm(self, reason: str, count: int) -> None:
        """Tell the admin counselors, at most once an hour (across restarts), without waiting for it."""
        if self.app is None:
            log.error("inbox: no application yet to tell the counselors that updates are %s", reason)
            return
        self.app.create_task(self._alarm(reason, count), name="inbox-alarm")  # stop() awaits it

    async def _alarm(self, reason: str, count: int) -> None:
        svc, now = self.svc, self.svc.now()
        # The hourly limit in memory too, claimed before any wait: on a full disk the record below fails, and
        # each update's failure told the admins again (ops O41: four notices in five seconds).
        # Per reason, as on disk: a "skipped" notice must not silence "cannot write" (ops O48).
        told_at = self._told_at.get(reason)
        recent = told_at is not None and 0 <= (now - told_at).total_seconds() < ALARM_EVERY
        if not recent:
            self._told_at[reason] = now
        try:
            if not await svc.db(svc.repo.inbox.alarm, reason, count, ALARM_EVERY):
                return  # admins were told less than an hour ago (across restarts)
        except OSError as exc:
            log.error("inbox: could not record the admins' notice: %s", exc)
            first = self._unrecorded.get(reason)
            self._unrecorded[reason] = (first[0] if first else now, (first[1] if first else 0) + count)
        if recent:
            return
        counselors = await svc.db(svc.repo.counselors)
        # Admins first; a program without an admin tells every counselor rather than no one.
        to = [c.telegram_id for c in counselors if c.role == "admin"] or [c.telegram_id for c in counselors]
        if not to or self.app is None:
            log.error("inbox: no counselor to tell that updates are %s", reason)
            return
        text = texts.inbox_notice(reason, count)
        for chat_id in to:
            try:
                await self.app.bot.send_message(chat_id, text)
            except TelegramError as exc:
                log.error("inbox: the notice to counselor %s failed: %s", chat_id, exc)


def _receive(svc: Services, update: Update, raw: dict[str, Any] | None, later: bool) -> tuple[str, Status]:
    """On the store thread: identify the update and record it (fsynced now, or ``later`` by ``sync``)."""
    key, data = identify(update, raw)
    return key, svc.repo.inbox.receive(key, data, sync=not later)


class DurableOrder(PerPersonOrder):
    """Per-person order (bot/telegram/ordering.py), and each update marked handled in the inbox once its handlers ran."""

    def __init__(self, queue: DurableQueue) -> None:
        super().__init__()
        self._queue = queue

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handle the update; then (unless cancelled by a shutdown) it is done and never replayed."""
        # The state its handlers move records its id, in the same write (a replay never moves it twice: O62).
        tokens = handling(update)  # and when the person wrote it, for the audit rows it writes (ops O85)
        try:
            await super().do_process_update(update, coroutine)
        except Exception:
            # PTB sends handler errors to the error handler; whatever escapes would fail again on replay.
            log.exception("update processing failed outside the handlers")
        finally:
            handled(tokens)
        await self._queue.finished(update)
