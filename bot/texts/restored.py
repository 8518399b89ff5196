"""The team told, at the first start after `iop-bot restore`, that the bot's records are a backup's (ops O94)."""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import zoned


def restored_admin(taken: datetime, at: datetime) -> str:
    """To the admins: what date the data is from, and what of the time after it is gone."""
    return (
        f"⚠️ <b>Bot health</b>\nThe bot now runs on a backup taken <b>{zoned(taken)}</b> (restored {zoned(at)}). "
        f"Nothing from {zoned(taken)} until the restore is in it: check-ins, messages to counselors, alerts and "
        "their acknowledgements, enrollments, counselor changes. Patients enrolled since are strangers to the "
        "bot and must be invited again; alerts acknowledged since may show as open again. Counselors are told "
        "their view is from that date; <code>iop-bot doctor</code> notes the restore for 7 days."
    )


def alert_not_in_records(taken: datetime) -> str:
    """A button on an alert card from before a restore, for an alert the restored records do not hold (a popup:
    short and plain, no HTML)."""
    return (
        f"This alert is not in the bot's records: they were restored from a backup taken {zoned(taken)}, before "
        "it. Reach the patient on the card directly."
    )


def restored_counselor(taken: datetime) -> str:
    """To every other counselor: their caseload is as it was then."""
    return (
        f"⚠️ The bot's records were restored from a backup taken <b>{zoned(taken)}</b>. What you see (/caseload, "
        "alerts, check-ins, messages) is as it was then: anything after that is not in the bot. Please re-check "
        "the patients who wrote to you or checked in since, and alerts you acknowledged since."
    )
