"""Which updates are steps of a flow (a command, a button tap) rather than words (ops O98)."""

from __future__ import annotations

from telegram import Update


def a_step(update: object) -> bool:
    """A command or a button tap: answered "couldn't save that, try again" on a full disk, it is not handled
    again minutes later (bot/handlers/errors.py: it started what the person no longer meant); words are."""
    if not isinstance(update, Update):
        return False
    text = update.message.text if update.message is not None else None
    return update.callback_query is not None or (text is not None and text.startswith("/"))
