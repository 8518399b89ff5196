"""A message to the counselor that the store could not save (a full or read-only disk, ops O98).

P2's /message was answered "couldn't save that ... try again in a minute", and "please call me tomorrow", typed
next, got the same answer ("Nothing is lost on your side"), then, minutes after the disk was freed, "I've kept
that, but I haven't passed it to anyone": never a message, and nothing said plainly that it had not gone. Now
the patient hears that the message did not go through and to send it again or call; nothing is acknowledged
that was not stored.
"""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import esc, zoned

# /message or "Reply" could not be opened: what they type next is not a message.
MESSAGE_NOT_STARTED = (
    "Sorry, I couldn't start a message to your counselor just now (a problem on my side), so what you type next "
    "won't reach them. Please try /message again in a few minutes. If it can't wait, call your counselor or "
    "your program; if you need help now, use /sos."
)
MESSAGE_NOT_STARTED_ES = (
    "Perdón, no pude empezar un mensaje para tu consejero ahora (un problema de mi lado), así que lo que "
    "escribas a continuación no le llegará. Por favor, vuelve a intentar /mensaje en unos minutos. Si no puede "
    "esperar, llama a tu consejero o a tu programa; si necesitas ayuda ahora, usa /sos."
)
# The words meant for the counselor could not be saved: not kept, not sent, not handled again later.
MESSAGE_NOT_SENT = (
    "Your message did not go through: I couldn't save it (a problem on my side), so your counselor doesn't have "
    "it, and I won't send it later. Please send it again with /message in a few minutes, or call your counselor "
    "or your program if it can't wait. If you need help now, use /sos."
)
MESSAGE_NOT_SENT_ES = (
    "Tu mensaje no se envió: no pude guardarlo (un problema de mi lado), así que tu consejero no lo tiene y no lo "
    "enviaré más tarde. Por favor, vuelve a enviarlo con /mensaje en unos minutos, o llama a tu consejero o a tu "
    "programa si no puede esperar. Si necesitas ayuda ahora, usa /sos."
)


def message_unsaved_admin(alias: str, counselor: str, at: datetime) -> str:
    """To the admins: a patient's message to their counselor was lost to a full or read-only disk."""
    return (
        f"⚠️ <b>Bot health</b>\nA message <b>{esc(alias)}</b> wrote to {esc(counselor)} at {zoned(at)} could not be "
        "saved (the bot's data disk is full or read-only), so it reached nobody and will not be sent later. They "
        "were told it did not go through and to send it again or call. Free space on the server (run "
        "<code>iop-bot doctor</code> there), and ask their counselor to reach them if it may matter."
    )
