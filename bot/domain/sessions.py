"""Group and individual sessions, their occurrences, and which reminders are due (no I/O)."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.domain.checkin_ladder import in_quiet_hours, prompt_datetime

Kind = Literal["group", "individual"]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclasses.dataclass(frozen=True)
class Series:
    """A recurring group session (weekdays + time) or a one-off individual one (a date)."""

    series_id: str
    kind: Kind
    start: time
    duration_min: int
    timezone: str
    cohort: str | None = None
    patient_id: str | None = None
    weekdays: tuple[int, ...] = ()
    on: date | None = None
    cancelled: tuple[str, ...] = ()  # local dates (ISO) of cancelled occurrences
    ended: bool = False

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.update(start=self.start.strftime("%H:%M"), on=self.on.isoformat() if self.on else None)
        d.update(weekdays=list(self.weekdays), cancelled=list(self.cancelled))
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Series:
        return cls(
            series_id=str(d["series_id"]),
            kind=d["kind"],
            start=time.fromisoformat(d["start"]),
            duration_min=int(d["duration_min"]),
            timezone=str(d["timezone"]),
            cohort=d.get("cohort"),
            patient_id=d.get("patient_id"),
            weekdays=tuple(d.get("weekdays", ())),
            on=date.fromisoformat(d["on"]) if d.get("on") else None,
            cancelled=tuple(d.get("cancelled", ())),
            ended=bool(d.get("ended", False)),
        )


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One meeting of a series; ``key`` is stable across restarts ("<series>:<local date>")."""

    series: Series
    local_day: date
    starts_at: datetime  # UTC

    @property
    def key(self) -> str:
        return f"{self.series.series_id}:{self.local_day.isoformat()}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.series.duration_min)


def new_series_id() -> str:
    """A short opaque id."""
    return secrets.token_hex(3)


def parse_weekdays(text: str) -> tuple[int, ...]:
    """ "mon,wed,thu" -> (0, 2, 3); raises ValueError naming the bad day."""
    days = []
    for part in text.replace(" ", "").lower().split(","):
        if part[:3] not in WEEKDAYS:
            raise ValueError(f"{part!r} is not a weekday (use mon, tue, wed, thu, fri, sat, sun)")
        days.append(WEEKDAYS.index(part[:3]))
    return tuple(sorted(set(days)))


def occurrences(series: Series, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences starting in [start, end), cancelled ones left out."""
    if series.ended:
        return []
    tz = series.tz
    first, last = (
        start.astimezone(tz).date() - timedelta(days=1),
        end.astimezone(tz).date() + timedelta(days=1),
    )
    if series.kind == "individual":
        days = [series.on] if series.on and first <= series.on <= last else []
    else:
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        days = [d for d in days if d.weekday() in series.weekdays]
    found = []
    for day in days:
        if day.isoformat() in series.cancelled:
            continue
        at = prompt_datetime(day, series.start, tz)
        if start <= at < end:
            found.append(Occurrence(series, day, at))
    return found


@dataclasses.dataclass(frozen=True)
class Reminder:
    """One reminder to one patient for one occurrence; ``key`` is what "sent" is recorded under."""

    patient_id: str
    occurrence: Occurrence
    offset_min: int

    @property
    def key(self) -> str:
        return f"remind:{self.occurrence.key}:{self.offset_min}"


def due_reminders(
    series: Iterable[Series],
    members: Mapping[str, Sequence[str]],
    offsets_min: Sequence[int],
    now: datetime,
    quiet: Mapping[str, tuple[ZoneInfo, time, time]],
) -> list[tuple[Reminder, list[Reminder]]]:
    """Reminders due now, each with the ones it replaces: the older ones (sent late, only the latest counts)
    and a nearer one it comes close to (``_covered``).

    A reminder is due from ``start - offset`` until the session starts; after that it is useless.
    Quiet hours hold a reminder back until they end, if the session is still ahead by then.
    """
    horizon = now + timedelta(minutes=max(offsets_min, default=0))
    out = []
    for s in series:
        patients = (
            [s.patient_id] if s.kind == "individual" and s.patient_id else members.get(s.cohort or "", [])
        )
        for occ in occurrences(s, now, horizon + timedelta(seconds=1)):
            due = sorted(
                (o for o in offsets_min if occ.starts_at - timedelta(minutes=o) <= now), reverse=False
            )
            if not due:
                continue
            for pid in patients:
                zone = quiet.get(pid)
                if zone is not None and in_quiet_hours(now, *zone):
                    continue
                latest, *older = due
                replaced = [*older, *_covered(occ.starts_at - now, latest, offsets_min)]
                out.append((Reminder(pid, occ, latest), [Reminder(pid, occ, o) for o in replaced]))
    return sorted(out, key=lambda r: r[0].occurrence.starts_at)


COVERS = 1.5  # a reminder sent this close to a nearer one's lead (x its offset) says all the nearer one would


def _covered(ahead: timedelta, latest: int, offsets_min: Sequence[int]) -> list[int]:
    """Nearer reminders that one sent ``ahead`` of the session makes redundant: a session booked 63 minutes
    ahead gets the day-before reminder at once, and the hour-before one three minutes later would repeat it."""
    return [o for o in offsets_min if o < latest and ahead <= timedelta(minutes=o) * COVERS]


def first_reminder(
    series: Series,
    patient_id: str,
    offsets_min: Sequence[int],
    now: datetime,
    quiet: Mapping[str, tuple[ZoneInfo, time, time]],
) -> tuple[datetime, datetime | None] | None:
    """An individual series' next meeting and when its first reminder to the patient would go, by `due_reminders`'s own
    rules minute by minute (None: none reaches them before it starts, e.g. all of it inside their quiet
    hours: newcomer18 N179, a 6:30 AM session booked an hour ahead was never reminded and nobody was told).
    None overall when there is no meeting in the next week."""
    ahead = occurrences(series, now, now + timedelta(days=8))
    if not ahead:
        return None
    start = ahead[0].starts_at
    step = max(now, start - timedelta(minutes=max(offsets_min, default=0)))
    while step < start:
        due = due_reminders([series], {}, offsets_min, step, quiet)
        if any(r.patient_id == patient_id and r.occurrence.starts_at == start for r, _ in due):
            return start, step
        step += timedelta(minutes=1)
    return start, None
