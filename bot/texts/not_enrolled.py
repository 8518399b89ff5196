"""Crisis words from people the bot holds no record of: someone invited who has not agreed, a stranger.

Counselor-facing (English, the team's language). Never their words: they consented to nothing being kept.
"""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import esc, zoned


def invitee_crisis_again(alias: str | None, at: datetime) -> str:
    """Under the alert about someone invited who has not agreed: crisis words again (never the words)."""
    who = (
        f"<b>{esc(alias)}</b>"
        if alias
        else "The person this alert is about (their invitation was revoked since)"
    )
    return (
        f"🚨 {who} wrote words that read as a crisis <b>again</b>, {zoned(at)}. Nothing they wrote is kept; "
        "they got the crisis lines again. Please reach them with the contact details your program holds."
    )
