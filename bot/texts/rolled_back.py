"""To the admins, and in `doctor`: a data file put back from an older copy lost what the audit log records (ops O142)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, zoned


def missing_line(what: str, alias: str | None, ident: str, at: datetime) -> str:
    """One thing lost, plain text (``at`` in the program's zone): an alert by its patient and id, or a patient
    (``alias`` None: not known, the patient's profile being what was lost)."""
    if what == "alert":
        return f"{alias or 'a patient'}'s urgent alert raised {zoned(at)} (id {ident})"
    return f"{alias or 'a patient'}, who agreed to take part {zoned(at)} (patient {ident})"


def rolled_back(lines: Sequence[str], more: int) -> str:
    """Once a day while it lasts: what the files lost, and what to do first (reach the patients)."""
    shown = "".join(f"\n• {esc(line)}" for line in lines)
    rest = f"\n… and {more} more (<code>iop-bot doctor</code> lists them)" if more else ""
    return (
        "⚠️ <b>Bot health</b>\nThe audit log records these, but the bot's data files do not hold them: an older "
        f"copy of a data file (alerts.json, alerts-closed.log or patients.log) was put back.{shown}{rest}\n"
        "The bot sends no card, reminder or escalation for an alert it does not hold: <b>reach these patients "
        "yourselves now</b>. Then, with the bot stopped, put back the newest copy of the file if you have one (the "
        "last backup), and find out who changed the data dir. <code>iop-bot doctor</code> shows it while it lasts."
    )
