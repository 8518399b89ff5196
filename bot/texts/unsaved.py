"""To counselors: what the bot could not save (a full or read-only disk), so a person still hears of it."""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import esc, zoned
from bot.texts.crisis import alert_what


def unsaved_alert(kind: str, alias: str, at: datetime) -> str:
    """The alert sent when the bot could not store it: no buttons; stored and escalated once the disk allows."""
    return (
        f"🚨 <b>Urgent</b>: <b>{esc(alias)}</b> {alert_what(kind)}, {zoned(at)}.\n"
        "Please reach out to them now. The bot could not save this alert (its disk is full or "
        "read-only), so it cannot be acknowledged here yet: sent to the on-call team too. It goes on their "
        "record as soon as the disk takes writes again, and then reminds until someone acknowledges it."
    )


def unsaved_words(alias: str, at: datetime) -> str:
    """To the counselor and on-call: the patient wrote or tapped something the bot could not save."""
    return (
        f"⚠️ <b>{esc(alias)}</b> wrote or answered something at {zoned(at)} that the bot could not save (its disk "
        "is full or read-only), so it is not on their page and you cannot read it here. Please reach them "
        "directly. If the bot noted the message as received, it passes it on as soon as its disk has room again "
        "(you would then get it as if they had written again)."
    )


def unkept_words(alias: str, at: datetime) -> str:
    """To the counselor and on-call: a patient lately in crisis wrote or tapped something the bot could not keep
    because their records cannot be opened (ops O43: the words reached nobody, silently)."""
    return (
        f"⚠️ <b>{esc(alias)}</b> wrote or answered something at {zoned(at)} that the bot could not keep: their "
        "records can't be opened (a damaged file: <code>iop-bot doctor</code> names it), so it is not shown or "
        "kept anywhere. Please reach them directly."
    )
