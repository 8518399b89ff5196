"""What admin counselors are told when the bot may be missing what people send it."""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import esc, span, zoned


def push_store_notice() -> str:
    """While a daily push (check-in prompt, nudge) cannot be saved: it waits, and goes once it can."""
    what = (
        "I could not save today's check-in prompts or reminders as sent (is the disk full or read-only?), so "
        "I am holding them back and trying again every minute: each goes out once it can be saved."
    )
    return f"⚠️ <b>Bot health</b>\n{esc(what)}\nPlease run <code>iop-bot doctor</code> on the server."


def inbox_notice(reason: str, count: int) -> str:
    """The hourly-at-most notice: updates skipped as already handled, updates that could not be read back
    after a restart, or the inbox cannot be written."""
    if reason == "unreadable":
        what = (
            f"After a restart I could not read back {count} message(s) people had sent me before it, so I could "
            "not answer them (crisis words among them would have paged no one). The server log has their ids."
        )
    elif reason == "skipped":
        what = (
            f"I skipped {count} incoming update(s) because I had handled them before. That is normal "
            "right after a crash or restart; if people say I do not answer, something is wrong."
        )
    else:
        what = (
            "I could not save incoming messages to my inbox (is the disk full or read-only?). I am still "
            "answering, but a crash now would lose what people sent."
        )
    return f"⚠️ <b>Bot health</b>\n{esc(what)}\nPlease run <code>iop-bot doctor</code> on the server."


def unclean_stop_notice(last_alive: datetime, minutes: int) -> str:
    """At start, once, when the last run ended without a clean stop (a kill, a crash, a watchdog restart of a
    hung bot, a power loss) and messages may have waited for minutes (ops O68)."""
    what = (
        f"I was not running from {zoned(last_alive)} until a few moments ago ({span(minutes)}): I stopped "
        "without a clean stop (a crash, a kill, a restart by the system's watchdog, or a power loss). Messages "
        "people sent me in that time waited until now, and I am answering them now."
    )
    return f"⚠️ <b>Bot health</b>\n{esc(what)}\nPlease run <code>iop-bot doctor</code> on the server."
