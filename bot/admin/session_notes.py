"""What `iop-bot session add` says besides "added": a wall time that does not exist or happens twice that day
(DST), and an individual session no reminder will reach (newcomer18 N170, N179)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.config.settings import Settings
from bot.domain.quiet import quiet_hours
from bot.domain.sessions import Series, first_reminder
from bot.store.repository import Repository

CLOCK = "%I:%M %p"


def wall_time_problem(on: date, at: time, settings: Settings) -> str | None:
    """Why ``at`` on ``on`` is not one moment in the program's zone: skipped (refused by the caller) or
    repeated (said, the first one is used). None for an ordinary time."""
    tz = settings.tz
    first = datetime.combine(on, at.replace(fold=0), tzinfo=tz)
    second = datetime.combine(on, at.replace(fold=1), tzinfo=tz)
    if first.utcoffset() == second.utcoffset():
        return None
    round_trip = first.astimezone(UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != first.replace(tzinfo=None):
        return "skipped"
    return "repeated"


def reminder_note(repo: Repository, settings: Settings, series: Series, now: datetime) -> str | None:
    """A line when no reminder will reach the patient before their new session, saying why; else None."""
    patient = repo.patient(series.patient_id or "")
    if patient is None:
        return "reminders start once they join and choose their time zone"
    if patient.status != "active":
        return f"{patient.alias}'s enrollment is not active: no reminders go out"
    if patient.tz is None:
        return f"{patient.alias} has not chosen a time zone yet: no reminder goes until they do"
    window = quiet_hours(patient, settings)
    quiet = {} if window is None else {patient.patient_id: (patient.tz, *window)}
    offsets = settings.reminder_offsets_minutes
    found = first_reminder(series, patient.patient_id, offsets, now, quiet)
    if not offsets or found is None or found[1] is not None:
        return None  # no reminders at all is the program's setting (doctor says so), not this session's
    local = found[0].astimezone(patient.tz)
    hours = f" ({window[0]:%H:%M}-{window[1]:%H:%M})" if window else ""
    return (
        f"{patient.alias} will get NO reminder before it: it starts at {local:{CLOCK}} their time "
        f"({patient.tz}), and from now until then falls in their quiet hours{hours}; tell them yourself or "
        "pick another time"
    )
