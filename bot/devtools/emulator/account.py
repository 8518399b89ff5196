"""Bot API methods about the bot's account rather than its messages: its command menus, the chats it is in,
and the webhook calls PTB makes at start-up (answered as Telegram does, without effect here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.devtools.emulator.world import World


def _scope(params: dict[str, Any]) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    key = f"chat:{scope['chat_id']}" if scope["type"] == "chat" else str(scope["type"])
    return key, str(params.get("language_code") or "")


def set_my_commands(world: World, params: dict[str, Any]) -> Any:
    commands = [{"command": c["command"], "description": c["description"]} for c in params["commands"]]
    with world.cond:
        world.commands[_scope(params)] = commands
    return True


def get_my_commands(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        return world.commands.get(_scope(params), [])


def delete_my_commands(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        world.commands.pop(_scope(params), None)
    return True


def leave_chat(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        world.chat(int(params["chat_id"]))
        world.left.add(int(params["chat_id"]))
    return True


def get_chat(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        return {**world.chat(int(params["chat_id"])), "accent_color_id": 0, "max_reaction_count": 11}


def send_chat_action(world: World, params: dict[str, Any]) -> Any:
    with world.cond:
        world.chat(int(params["chat_id"]), write=True)
    return True


def _ok(world: World, params: dict[str, Any]) -> Any:
    return True


def _webhook_info(world: World, params: dict[str, Any]) -> Any:
    return {"url": "", "has_custom_certificate": False, "pending_update_count": len(world.updates)}


ACCOUNT_METHODS: dict[str, Callable[[World, dict[str, Any]], Any]] = {
    "setmycommands": set_my_commands,
    "getmycommands": get_my_commands,
    "deletemycommands": delete_my_commands,
    "leavechat": leave_chat,
    "getchat": get_chat,
    "sendchataction": send_chat_action,
    "deletewebhook": _ok,
    "setwebhook": _ok,  # webhook mode: the test posts updates to the bot itself
    "setchatmenubutton": _ok,
    "setmydescription": _ok,
    "setmyshortdescription": _ok,
    "getwebhookinfo": _webhook_info,
    "close": _ok,
    "logout": _ok,
}
