"""The day after a lapse was told (newcomer18 N174). Store thread.

Jordan told of a lapse on Monday and got the relapse answer ("your counselor will see this too, so you can go over
it together"); the next days' prompts were the same "Hi! Time for your daily check-in", and nobody asked how she
was doing since. The day after a use is told (in a message, or answered in a check-in), that day's prompt asks.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.store.repository import Repository

# A use told in words (bot/handlers/relapse.py) and one answered in a check-in (bot/data/flag_rules.toml).
LAPSE_KINDS = ("relapse", "use_reported")


def lapse_told_on(repo: Repository, patient_id: str, day: date, tz: ZoneInfo) -> bool:
    """Whether the patient told of a use on this local day."""
    return any(
        datetime.fromisoformat(f["at"]).astimezone(tz).date() == day
        for kind in LAPSE_KINDS
        for f in repo.flags_of_kind(patient_id, kind)
    )
