"""Media outside an alert or a safety question, counted for the counselor's next review (newcomer24 N276): a patient
who talks in voice notes and never types looked exactly like one who is silent. The media are neither read nor
kept; the flag holds only what kinds came (one open flag gathers the day's), so the counselor knows to phone.
Store thread."""

from __future__ import annotations

from datetime import datetime

from bot.domain.checkins import local_date
from bot.domain.models import Patient
from bot.store.repository import Repository

KIND = "media_sent"  # the flag's kind (labelled in flag_rules.toml)


def media_sent(repo: Repository, patient: Patient, kind: str, now: datetime) -> int:
    """Count one more item on the open flag of the patient's day (or a new flag); returns how many it holds."""
    pid = patient.patient_id
    day = local_date(now, patient.tz) if patient.tz else now.date()
    for flag in reversed(repo.flags_of_kind(pid, KIND)):
        if flag["ack"] is None and str(flag["key"]).startswith(f"{KIND}:{day.isoformat()}"):
            kinds = [*flag["details"].get("kinds", []), kind]
            if repo.join_flag(pid, str(flag["key"]), {"kinds": kinds}):
                return len(kinds)
    repo.raise_flag(pid, KIND, f"{KIND}:{day.isoformat()}:{now.isoformat()}", now, {"kinds": [kind]})
    return 1
