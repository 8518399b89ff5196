"""A local Telegram Bot API: a real HTTP server the unmodified bot talks to, plus the users' side.

Tests and ``make demo`` drive it as the people in the chats: ``send_text``, ``press_button``,
then ``wait_for_message`` for what the bot answered. As on Telegram, the bot cannot write first:
a private chat takes the bot's messages only once its user has sent the bot something.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from bot.devtools.emulator.server import Faults, make_server
from bot.devtools.emulator.world import ApiError, Button, SentMessage, Stats, World

__all__ = ["ApiError", "BotApiEmulator", "Button", "SentMessage"]


class BotApiEmulator:
    """Start with ``with BotApiEmulator(token=...) as emu:``; point the bot at ``emu.base_url``."""

    def __init__(self, token: str, *, enforce_limits: bool = True, port: int = 0) -> None:
        """``port``: where to listen on 127.0.0.1 (0: any free port, as tests want)."""
        self.world = World(token)
        self.faults = Faults()
        self.faults.enforce_limits = enforce_limits
        self._server = make_server(self.world, self.faults, port)
        self._thread = threading.Thread(target=self._serve, name="bot-api-emulator", daemon=True)
        self._cursor: dict[int, int] = {}

    # Lifecycle ------------------------------------------------------------------------------

    def _serve(self) -> None:
        self._server.serve_forever(poll_interval=0.05)  # a short interval makes close() quick

    def __enter__(self) -> BotApiEmulator:
        self._thread.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release long polls and held calls, and stop the server."""
        with self.world.cond:
            self.world.closed = True
            self.world.cond.notify_all()
        self.faults.release()
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        """python-telegram-bot's ``base_url`` for this server."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    @property
    def token(self) -> str:
        """The bot token this server answers (see ``change_token``)."""
        return self.world.token

    @property
    def stats(self) -> Stats:
        return self.world.stats

    # Telegram's own turns -------------------------------------------------------------------

    def set_next_update_id(self, update_id: int) -> None:
        """The next update gets this id: Telegram restarts (after a quiet week) or jumps its ids."""
        with self.world.cond:
            self.world.next_update_id = update_id

    def change_token(self, token: str, *, first_update_id: int = 1) -> None:
        """The bot gets a new token (the old one is revoked: 401); update ids start over."""
        with self.world.cond:
            self.world.revoked.add(self.world.token)
            self.world.token = token
            self.world.next_update_id = first_update_id

    def redeliver(self, count: int) -> list[dict[str, Any]]:
        """Queue the last ``count`` updates again, unchanged: what Telegram does with updates the bot
        fetched but never confirmed (it died first). Use while the bot is stopped."""
        with self.world.cond:
            again = [dict(u) for u in self.world.history[-count:]]
            self.world.updates[:0] = again
            self.world.cond.notify_all()
            return again

    def last_update(self) -> dict[str, Any]:
        """The most recently queued update."""
        with self.world.cond:
            return self.world.history[-1]

    def fetched(self, update: dict[str, Any]) -> bool:
        """Whether the bot has fetched this update (getUpdates returned it)."""
        with self.world.cond:
            return id(update) in self.world.delivered_updates

    # The users' side ------------------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str = "User",
        username: str | None = None,
        language_code: str | None = "en",
    ) -> None:
        """A Telegram account that can talk to the bot; ``language_code``: its app's language ("es-MX")."""
        self.world.add_user(user_id, first_name, username, language_code)

    def add_bot_to_group(self, user_id: int, group_id: int, title: str = "Group chat") -> None:
        """``user_id`` adds the bot to a group chat."""
        with self.world.cond:
            self.world.chats[group_id] = {"id": group_id, "type": "group", "title": title}
            user = self.world.user(user_id)
        self._message(user, group_id, {"new_chat_members": [dict(_bot_user())]})

    def send_text(
        self, user_id: int, text: str, *, chat_id: int | None = None, chat_type: str = "private"
    ) -> int:
        """The user sends a text message; returns its message id."""
        with self.world.cond:
            user = self.world.user(user_id)
            if chat_type != "private" and chat_id is not None and chat_id not in self.world.chats:
                self.world.chats[chat_id] = {"id": chat_id, "type": chat_type, "title": "Group chat"}
        extra: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            extra["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self._message(user, user_id if chat_id is None else chat_id, extra)

    def edit_text(self, user_id: int, message_id: int, text: str) -> None:
        """The user edits a message they sent earlier."""
        with self.world.cond:
            old = self.world.user_messages[(user_id, message_id)]
            edited = {**old, "text": text, "edit_date": int(time.time())}
            self.world.user_messages[(user_id, message_id)] = edited
            self.world.push_update("edited_message", edited)

    def send_photo(self, user_id: int, caption: str = "") -> int:
        """The user sends a photo, optionally with a caption."""
        photo = [{"file_id": "user-photo", "file_unique_id": "up", "width": 1, "height": 1}]
        return self.send_extra(user_id, {"photo": photo, "caption": caption} if caption else {"photo": photo})

    def send_extra(self, user_id: int, extra: dict[str, Any]) -> int:
        """The user sends a message made of these fields (a voice note, a sticker, a forwarded text...)."""
        with self.world.cond:
            user = self.world.user(user_id)
        return self._message(user, user_id, extra)

    def _message(self, user: dict[str, Any], chat_id: int, extra: dict[str, Any]) -> int:
        with self.world.cond:
            if chat_id == user["id"]:
                self.world.contacted.add(chat_id)  # from now on the bot may write to this user
            message_id = self.world.next_message_id(chat_id)
            message = {"message_id": message_id, "date": int(time.time()), "chat": self.world.chats[chat_id]}
            message.update({"from": user, **extra})
            self.world.user_messages[(chat_id, message_id)] = message
            self.world.push_update("message", message)
        return message_id

    def press_button(
        self,
        user_id: int,
        message: SentMessage,
        label: str | None = None,
        *,
        callback_data: str | None = None,
    ) -> str:
        """The user taps a button on ``message`` as they see it (even if the bot has since changed it)."""
        if callback_data is None:
            matches = [b for row in message.buttons for b in row if b.text == label]
            if not matches:
                raise AssertionError(f"no button {label!r} on message: {message.button_texts()}")
            callback_data = matches[0].callback_data
        with self.world.cond:
            query_id = str(next(self.world.callback_ids))
            self.world.callbacks[query_id] = user_id
            self.world.callback_times[query_id] = time.monotonic()
            self.world.callback_answers.pop(user_id, None)
            current = self.world.current.get((message.chat_id, message.message_id), message)
            self.world.push_update(
                "callback_query",
                {
                    "id": query_id,
                    "from": self.world.user(user_id),
                    "message": self.world.message_json(current),
                    "chat_instance": str(message.chat_id),
                    "data": callback_data,
                },
            )
        return query_id

    def start_bot(self, user_id: int, payload: str = "") -> int:
        """The user opens the bot and taps Start (``payload``: from a ``t.me/<bot>?start=`` link)."""
        return self.send_text(user_id, f"/start {payload}".rstrip())

    def opened_earlier(self, user_id: int) -> None:
        """The user talked to the bot before this emulator started (a seeded data dir whose patients
        enrolled through the bot long ago); tests use ``start_bot``, which the bot sees."""
        with self.world.cond:
            self.world.contacted.add(user_id)

    def has_contacted(self, user_id: int) -> bool:
        """Whether the user has sent the bot anything (until then the bot cannot write to them)."""
        with self.world.cond:
            return user_id in self.world.contacted

    def block_user(self, user_id: int, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot: sends to them fail with 403."""
        with self.world.cond:
            (self.world.blocked.add if blocked else self.world.blocked.discard)(user_id)

    # What the bot did -----------------------------------------------------------------------

    def sent_to(self, chat_id: int) -> list[SentMessage]:
        """The bot's messages in a chat as they look now, oldest first."""
        with self.world.cond:
            return sorted(
                (m for (c, _), m in self.world.current.items() if c == chat_id), key=lambda m: m.message_id
            )

    def events(self, chat_id: int) -> list[SentMessage]:
        """Every send and edit the bot made in a chat, in order."""
        with self.world.cond:
            return [e for e in self.world.events if e.chat_id == chat_id]

    def commands(self, scope_chat_id: int | None = None, language_code: str = "") -> list[dict[str, str]]:
        """The command menu set for the default scope or one chat."""
        scope = "default" if scope_chat_id is None else f"chat:{scope_chat_id}"
        with self.world.cond:
            return list(self.world.commands.get((scope, language_code), []))

    def last_callback_answer(self, user_id: int) -> dict[str, Any] | None:
        """How the bot answered the user's latest button tap (None until it has)."""
        with self.world.cond:
            return self.world.callback_answers.get(user_id)

    # Waiting --------------------------------------------------------------------------------

    async def wait_for_message(
        self,
        chat_id: int,
        *,
        contains: str | None = None,
        predicate: Callable[[SentMessage], bool] | None = None,
        after: int | None = None,
        timeout: float = 10.0,
    ) -> SentMessage:
        """The next send or edit in the chat (past the last one returned) that matches."""

        def find() -> SentMessage | None:
            cursor = self._cursor.get(chat_id, 0)
            for event in self.events(chat_id):
                if event.seq <= cursor or (after is not None and event.message_id <= after):
                    continue
                if contains is not None and contains not in event.text:
                    continue
                if predicate is None or predicate(event):
                    return event
            return None

        deadline = time.monotonic() + timeout
        while (found := find()) is None:
            if time.monotonic() > deadline:
                seen = "\n".join(f"  #{e.message_id}: {e.text[:120]!r}" for e in self.events(chat_id)[-8:])
                raise AssertionError(
                    f"no message matching {contains!r} in chat {chat_id}; last ones:\n{seen}"
                )
            await asyncio.sleep(0.02)
        self._cursor[chat_id] = found.seq
        return found

    async def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Poll ``condition`` until it holds."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("condition not met in time")
            await asyncio.sleep(0.02)

    async def settle(self, chat_id: int | None = None, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched every update and gone quiet."""

        def settled() -> bool:
            with self.world.cond:
                pending = self.world.undelivered()
                return not pending and time.monotonic() - self.world.last_activity >= quiet

        await self.wait_until(settled, timeout)


def _bot_user() -> dict[str, Any]:
    from bot.devtools.emulator.world import BOT_USER

    return BOT_USER
