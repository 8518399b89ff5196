"""To the admins: a reply Telegram's flood control held past the bot's patience was not sent (ops O130)."""

from __future__ import annotations


def reply_lost(count: int, minutes: int) -> str:
    """At most once an hour: how many replies went unsent, and what the people who wrote may be missing."""
    return (
        "⚠️ <b>Bot health</b>\nTelegram's flood control held the bot's sends for more than "
        f"{minutes} min, and {count} repl{'y' if count == 1 else 'ies'} to people who wrote were given up (a next "
        "question in set-up, an answer to a tap). Those people may be waiting on a question that never came: a "
        "/start or their last tap again brings it. The bot's log names the chats (<code>given up</code>). If it "
        "goes on, fewer sends at once help (invite patients in smaller groups)."
    )
