"""The emulator's model of Telegram: users, chats, messages, and the update queue.

Shared by the HTTP threads (the bot's side) and the test or terminal (the users' side), so
every access holds ``World.cond``.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

BOT_ID = 7000000001
MAX_QUEUE_EVENTS = 100_000  # tdlib's TQueue: an offset this far behind the newest id is "in the past"


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, code: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


@dataclasses.dataclass(frozen=True)
class Button:
    """One inline keyboard button."""

    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclasses.dataclass(frozen=True)
class SentMessage:
    """A snapshot of a message the bot sent or edited, as the user's client shows it."""

    chat_id: int
    message_id: int
    text: str
    html: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    protect_content: bool = False
    kind: str = "text"
    file_name: str | None = None
    file_bytes: bytes | None = None
    edited: bool = False
    seq: int = 0
    reply_to: int | None = None
    # A reply keyboard (the buttons under the message box) this message sets, or removes.
    keyboard: tuple[tuple[str, ...], ...] = ()
    remove_keyboard: bool = False

    def button_texts(self) -> list[str]:
        """Every button label, row by row."""
        return [b.text for row in self.buttons for b in row]


@dataclasses.dataclass
class Stats:
    """What the bot asked of the emulator."""

    calls: Counter[str] = dataclasses.field(default_factory=Counter)
    errors: Counter[int] = dataclasses.field(default_factory=Counter)


class World:
    """All state, guarded by one condition variable."""

    def __init__(self, token: str = "") -> None:
        self.cond = threading.Condition()
        self.token = token
        self.revoked: set[str] = set()  # earlier tokens of this bot: answered 401 Unauthorized
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.message_ids: dict[int, itertools.count[int]] = {}
        self.current: dict[tuple[int, int], SentMessage] = {}
        self.user_messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.events: list[SentMessage] = []
        self.updates: list[dict[str, Any]] = []  # not yet confirmed by the bot
        self.next_update_id = 1  # tdlib's queue tail
        self.delivered_updates: set[int] = set()  # id() of every update object getUpdates returned
        self.history: list[dict[str, Any]] = []  # every update ever queued, for re-delivery
        # Telegram's callback query ids are large and unique, not a counter that a new server restarts.
        self.callback_ids = _random_ids(random.Random())
        self.callbacks: dict[str, int] = {}
        # When each tap was made: Telegram refuses to answer a tap some seconds old (about 15, undocumented).
        self.callback_times: dict[str, float] = {}
        self.callback_ttl = 15.0
        self.callback_answers: dict[int, dict[str, Any]] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.blocked: set[int] = set()
        # Private chats whose user has sent the bot something: the only ones it may write to.
        self.contacted: set[int] = set()
        self.left: set[int] = set()
        self.stats = Stats()
        self.last_poll = 0.0
        self.long_poll = 0  # which long poll is the current one: a newer one ends the one waiting (409)
        self.next_conflict = 0.0
        self.last_activity = 0.0
        self.closed = False

    def add_user(
        self, user_id: int, first_name: str, username: str | None = None, language_code: str | None = "en"
    ) -> dict[str, Any]:
        with self.cond:
            user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
            if language_code:  # the IETF tag of the user's app, as Telegram sends it; optional there too
                user["language_code"] = language_code
            if username:
                user["username"] = username
            self.users[user_id] = user
            self.chats.setdefault(user_id, {"id": user_id, "type": "private", "first_name": first_name})
            return user

    def user(self, user_id: int) -> dict[str, Any]:
        return self.users.get(user_id) or self.add_user(user_id, f"User{user_id}")

    def chat(self, chat_id: int, *, write: bool = False) -> dict[str, Any]:
        """The chat, or the error Telegram gives for it; ``write``: the bot means to post in it."""
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id in self.left:
            raise ApiError(403, "Forbidden: bot is not a member of the group chat")
        if write and chat["type"] == "private" and chat_id not in self.contacted:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return chat

    def next_message_id(self, chat_id: int) -> int:
        return next(self.message_ids.setdefault(chat_id, itertools.count(1)))

    def push_update(self, kind: str, payload: dict[str, Any]) -> int:
        """Queue an update for getUpdates and wake a waiting long poll."""
        with self.cond:
            update_id = self.next_update_id
            self.next_update_id += 1
            update = {"update_id": update_id, kind: payload}
            self.updates.append(update)
            self.history.append(update)
            self.cond.notify_all()
            return update_id

    def take_updates(self, offset: int, limit: int) -> list[dict[str, Any]]:
        """getUpdates' queue rules, as tdlib's TQueue applies them (hold ``cond``).

        An offset "in the future" (past the newest id + 10, as after Telegram restarts its ids) or
        far "in the past" is ignored and the queue is served from its head; otherwise every update
        below the offset is confirmed and forgotten. Offset 0 confirms nothing.
        """
        tail = self.next_update_id
        if offset > 0 and tail - 2 * MAX_QUEUE_EVENTS <= offset <= tail + 10:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        batch = self.updates[:limit]
        self.delivered_updates.update(id(u) for u in batch)
        return batch

    def undelivered(self) -> bool:
        """Whether an update is waiting that the bot has not fetched yet (hold ``cond``)."""
        return any(id(u) not in self.delivered_updates for u in self.updates)

    def record(self, message: SentMessage) -> SentMessage:
        """Store the bot's message (new or edited) and log it as an event."""
        with self.cond:
            message = dataclasses.replace(message, seq=len(self.events) + 1)
            self.current[(message.chat_id, message.message_id)] = message
            self.events.append(message)
            self.cond.notify_all()
            return message

    def message_json(self, message: SentMessage) -> dict[str, Any]:
        """The Bot API Message object for a bot message."""
        out: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": self.chats[message.chat_id],
            "from": BOT_USER,
        }
        if message.kind == "text":
            out["text"] = message.text
        else:
            out["caption"] = message.text
            key = "photo" if message.kind == "photo" else "document"
            file_info = {"file_id": f"f{message.seq}", "file_unique_id": f"u{message.seq}", "file_size": 1}
            out[key] = [{**file_info, "width": 1, "height": 1}] if key == "photo" else file_info
        if message.edited:
            out["edit_date"] = int(time.time())
        if message.buttons:
            out["reply_markup"] = {
                "inline_keyboard": [[_button_json(b) for b in row] for row in message.buttons]
            }
        return out


def _random_ids(rng: random.Random) -> Iterator[int]:
    while True:
        yield rng.getrandbits(62)


def _button_json(button: Button) -> dict[str, str]:
    out = {"text": button.text}
    if button.callback_data is not None:
        out["callback_data"] = button.callback_data
    if button.url is not None:
        out["url"] = button.url
    return out


BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "IOP Companion",
    "username": "iop_companion_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}
