"""Bot API methods the emulator answers, each taking decoded parameters and returning a result: updates and
messages here; the bot's commands, its chats and the webhook in account.py."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bot.devtools.emulator.account import ACCOUNT_METHODS
from bot.devtools.emulator.markup import EntityError, to_plain
from bot.devtools.emulator.world import BOT_USER, ApiError, Button, SentMessage, World

Method = Callable[[World, dict[str, Any]], Any]
MAX_TEXT = 4096
MAX_CAPTION = 1024


def get_me(world: World, params: dict[str, Any]) -> Any:
    return BOT_USER


CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
CONFLICT_EVERY = 3.0  # the Bot API server answers at most one 409 per 3 s; later ones wait 3 s


def get_updates(world: World, params: dict[str, Any]) -> Any:
    """Telegram's long poll (telegram-bot-api's Client::do_get_updates): a poll that finds nothing waits;
    a newer one that would wait ends the one waiting with 409 Conflict, so two bots on one token each
    get 409s while the updates go to whichever asks first."""
    offset, limit = int(params.get("offset", 0)), int(params.get("limit", 100))
    timeout = float(params.get("timeout", 0))
    deadline = time.monotonic() + timeout
    ended: float | None = None  # set when a newer poll ended this one: how long before its 409
    with world.cond:
        world.last_poll = time.monotonic()
        # Asking from an offset confirms every update before it, exactly as Telegram does.
        batch = world.take_updates(offset, limit)
        mine = None
        if not batch and timeout > 0 and not world.closed:
            world.long_poll += 1  # the poll waiting, if any, is no longer the current one
            mine = world.long_poll
            world.cond.notify_all()
        while not batch and not world.closed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            world.cond.wait(min(remaining, 0.5))
            if mine is not None and world.long_poll != mine:
                ended = _conflict_delay(world)
                break
            batch = world.take_updates(0, limit)  # confirmed at the start; a long poll only waits
        world.last_poll = time.monotonic()
        if batch:
            world.last_activity = time.monotonic()
    if ended is None:
        return batch
    time.sleep(ended)
    raise ApiError(409, CONFLICT)


def _conflict_delay(world: World) -> float:
    """How long the ended poll waits for its 409 (hold ``cond``): none, or 3 s when one was just sent."""
    now = time.monotonic()
    if now >= world.next_conflict:
        world.next_conflict = now + CONFLICT_EVERY
        return 0.0
    return CONFLICT_EVERY


def _text(params: dict[str, Any], key: str, limit: int, *, required: bool) -> tuple[str, str]:
    raw = str(params.get(key) or "")
    if required and not raw.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    try:
        plain = to_plain(raw, params.get("parse_mode"))
    except EntityError as exc:
        raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
    if len(plain) > limit:
        raise ApiError(400, "Bad Request: message is too long")
    return plain, raw


def _buttons(params: dict[str, Any]) -> tuple[tuple[Button, ...], ...]:
    markup = params.get("reply_markup") or {}
    rows = []
    for row in markup.get("inline_keyboard", []):
        buttons = []
        for b in row:
            data = b.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            buttons.append(Button(str(b["text"]), data, b.get("url")))
        rows.append(tuple(buttons))
    return tuple(rows)


def _reply_keyboard(params: dict[str, Any]) -> dict[str, Any]:
    """The reply keyboard a send sets (labels by row) or removes, as SentMessage fields."""
    markup = params.get("reply_markup") or {}
    rows = tuple(
        tuple(str(b["text"] if isinstance(b, dict) else b) for b in row) for row in markup.get("keyboard", [])
    )
    return {"keyboard": rows, "remove_keyboard": bool(markup.get("remove_keyboard"))}


def send_message(world: World, params: dict[str, Any]) -> Any:
    chat_id = int(params["chat_id"])
    with world.cond:
        world.chat(chat_id, write=True)
        plain, raw = _text(params, "text", MAX_TEXT, required=True)
        message = SentMessage(
            chat_id=chat_id,
            message_id=world.next_message_id(chat_id),
            text=plain,
            html=raw,
            buttons=_buttons(params),
            protect_content=bool(params.get("protect_content")),
            reply_to=_reply_to(world, chat_id, params),
            **_reply_keyboard(params),
        )
        return world.message_json(world.record(message))


def _reply_to(world: World, chat_id: int, params: dict[str, Any]) -> int | None:
    """The message replied to; like Telegram, a missing one is refused unless sending without it is allowed."""
    reply = params.get("reply_parameters")
    if not isinstance(reply, dict):
        return None
    message_id = int(reply["message_id"])
    if (chat_id, message_id) in world.current:
        return message_id
    if reply.get("allow_sending_without_reply"):
        return None
    raise ApiError(400, "Bad Request: message to be replied not found")


def send_file(kind: str) -> Method:
    def method(world: World, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        upload = params.get(kind)
        if not isinstance(upload, tuple):
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        name, data = upload
        with world.cond:
            world.chat(chat_id, write=True)
            plain, raw = _text(params, "caption", MAX_CAPTION, required=False)
            message = SentMessage(
                chat_id=chat_id,
                message_id=world.next_message_id(chat_id),
                text=plain,
                html=raw,
                buttons=_buttons(params),
                protect_content=bool(params.get("protect_content")),
                **_reply_keyboard(params),
                kind=kind,
                file_name=name,
                file_bytes=data,
            )
            return world.message_json(world.record(message))

    return method


def _existing(world: World, params: dict[str, Any], verb: str) -> SentMessage:
    chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
    world.chat(chat_id, write=True)
    old = world.current.get((chat_id, message_id))
    if old is None:
        raise ApiError(400, f"Bad Request: message to {verb} not found")
    return old


def _edit(world: World, old: SentMessage, **changes: Any) -> Any:
    # An edit changes text and inline buttons only; the reply keyboard stays as the send left it.
    fields = {**old.__dict__, **changes, "edited": True, "keyboard": (), "remove_keyboard": False}
    new = SentMessage(**fields)
    if (new.html, new.buttons) == (old.html, old.buttons):
        raise ApiError(400, "Bad Request: message is not modified: specified new message content and "
                       "reply markup are exactly the same as a current content and reply markup of the message")  # fmt: skip
    return world.message_json(world.record(new))


def edit_message_text(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        old = _existing(world, params, "edit")
        if old.kind != "text":
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        plain, raw = _text(params, "text", MAX_TEXT, required=True)
        return _edit(world, old, text=plain, html=raw, buttons=_buttons(params))


def edit_message_caption(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        old = _existing(world, params, "edit")
        plain, raw = _text(params, "caption", MAX_CAPTION, required=False)
        return _edit(world, old, text=plain, html=raw, buttons=_buttons(params))


def edit_message_reply_markup(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        return _edit(world, _existing(world, params, "edit"), buttons=_buttons(params))


def delete_message(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        # In a private chat a bot may also delete what the user sent (e.g. a typed PIN).
        if world.user_messages.pop((int(params["chat_id"]), int(params["message_id"])), None) is not None:
            return True
        old = _existing(world, params, "delete")
        del world.current[(old.chat_id, old.message_id)]
        return True


def answer_callback_query(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        query_id = str(params["callback_query_id"])
        user_id = world.callbacks.pop(query_id, None)
        tapped = world.callback_times.pop(query_id, time.monotonic())
        if user_id is None or time.monotonic() - tapped > world.callback_ttl:
            raise ApiError(
                400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        world.callback_answers[user_id] = {
            "text": params.get("text"),
            "show_alert": bool(params.get("show_alert")),
        }
        world.cond.notify_all()
        return True


METHODS: dict[str, Method] = {
    "getme": get_me,
    "getupdates": get_updates,
    "sendmessage": send_message,
    "sendphoto": send_file("photo"),
    "senddocument": send_file("document"),
    "editmessagetext": edit_message_text,
    "editmessagecaption": edit_message_caption,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
    "answercallbackquery": answer_callback_query,
    **ACCOUNT_METHODS,
}
