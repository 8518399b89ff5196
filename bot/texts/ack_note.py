"""A one-line note on what was done, added when acknowledging an alert (newcomer16 N139). Counselor side.

An alert could only be acknowledged: the admin, the on-call colleague the next night, or the counselor a patient
is reassigned to saw "✅ Acknowledged by Pat Kim" and nothing of what Pat did. The note shows on the alert's
cards, the patient page and the Timeline.
"""

from __future__ import annotations

from bot.texts.base import esc

BTN_ACK_NOTE = "📝 Add what was done"
ACK_NOTE_ROOM = 300  # one line: what was done, not the record of the call
ACK_NOTE_ASK = (
    "Type one line on what was done (up to 300 characters), e.g. “called, safe at her sister's, gun removed by "
    "family” or “911 called”. Everyone who got the alert will see it on its card, the patient page and the "
    "Timeline. /cancel to leave it."
)
ACK_NOTE_NOT_YOURS = "Only the person who acknowledged this alert can add its note."
ACK_NOTE_OPEN = "This alert is not acknowledged yet: acknowledge it first, then add what was done."


def ack_note_offer(alias: str) -> str:
    """After acknowledging one alert: the optional note, offered once."""
    return (
        f"✅ You acknowledged <b>{esc(alias)}</b>'s alert. If you like, add one line on what was done: the next "
        "person to open it (on call tonight, an admin, a new counselor) will know."
    )


def ack_note_line(by: str, note: str) -> str:
    """On the alert's cards, the patient page and the Timeline: the note and who wrote it."""
    return f"📝 {esc(by)}: {esc(note)}" if note else ""


def ack_note_saved(alias: str) -> str:
    return f"📝 Noted on <b>{esc(alias)}</b>'s alert; its cards show it now."


def ack_note_too_long(length: int) -> str:
    return (
        f"That is {length} characters; a note is one line of up to {ACK_NOTE_ROOM}. Type a shorter one (the "
        "alert keeps waiting for it), or /cancel."
    )
