"""Records the store keeps: counselors, patients and enrollment codes (plain data, no I/O)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime, time
from typing import Any, Literal
from zoneinfo import ZoneInfo

Role = Literal["counselor", "admin"]
PatientStatus = Literal["active", "aftercare", "inactive", "withdrawn"]
PROGRAM = "program"  # Patient.withdrawn_by: the enrollment was closed by an admin
CLOSED = "closed"  # shown_status: withdrawn by an admin's `patient close`, not by the patient's /stop
SETTING_UP_TIME = "setting up: check-in time"  # shown_status: a time zone chosen, no check-in time yet
Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")


def language_of(value: object) -> Language:
    """A stored or reported language as one the bot speaks: "es" for any Spanish, else English."""
    return "es" if isinstance(value, str) and value.lower().startswith("es") else "en"


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _clock(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Counselor:
    """A clinician registered by an administrator, known by Telegram user id."""

    telegram_id: int
    name: str
    role: Role = "counselor"

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Counselor:
        """Rebuild from the store."""
        return cls(telegram_id=int(d["telegram_id"]), name=str(d["name"]), role=d.get("role", "counselor"))


@dataclass(frozen=True)
class Patient:
    """An enrolled patient; `alias` is what counselors see, never a legal name."""

    patient_id: str
    telegram_id: int
    alias: str
    counselor_id: int
    enrolled_at: datetime
    consent_at: datetime
    cohort: str | None = None
    timezone: str | None = None
    checkin_time: time | None = None
    status: PatientStatus = "active"
    locale: str | None = None
    practice_time: time | None = None  # the optional daily skill practice; None = off
    status_changed_at: datetime | None = None  # when `status` last changed; retention counts from it
    # Their own quiet hours; None = the program default, start == end = turned off (bot/domain/quiet.py).
    quiet_start: time | None = None
    quiet_end: time | None = None
    # The language the patient reads ("en" | "es"). Optional in stored records (older ones lack it), so
    # no format change: a record without it is English, as every patient was before.
    language: Language = "en"
    # Who withdrew them: "program" after `iop-bot patient close` (bot/admin/leaving.py), None after their own
    # /stop (and in older records); what counselors and the patient read says which (gaps18).
    withdrawn_by: str | None = None

    @property
    def closed_by_program(self) -> bool:
        """Withdrawn because an admin closed the enrollment, not by their own /stop."""
        return self.status == "withdrawn" and self.withdrawn_by == PROGRAM

    @property
    def tz(self) -> ZoneInfo | None:
        """The patient's own time zone, once chosen."""
        return ZoneInfo(self.timezone) if self.timezone else None

    @property
    def is_set_up(self) -> bool:
        """True once the patient chose a time zone and a check-in time."""
        return self.timezone is not None and self.checkin_time is not None

    @property
    def shown_status(self) -> str:
        """The status a counselor reads: "setting up" for an active patient who has not finished set-up (the
        bot plans nothing for them until they do; newcomer6 finding 34: days "setting up", nobody told), or
        "setting up: check-in time" once they have a time zone: their session reminders go from then on
        (bot/jobs/reminders.py), only the check-in prompts wait (gaps11 #7). "closed": withdrawn because an admin
        closed the enrollment, never called /stop (newcomer14 N102)."""
        if self.closed_by_program:
            return CLOSED
        if self.status != "active" or self.is_set_up:
            return self.status
        return "setting up" if self.timezone is None else SETTING_UP_TIME

    def with_changes(self, **changes: Any) -> Patient:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        d = asdict(self)
        d["enrolled_at"] = _iso(self.enrolled_at)
        d["consent_at"] = _iso(self.consent_at)
        d["checkin_time"] = self.checkin_time.strftime("%H:%M") if self.checkin_time else None
        d["practice_time"] = self.practice_time.strftime("%H:%M") if self.practice_time else None
        d["status_changed_at"] = _iso(self.status_changed_at)
        d["quiet_start"] = _hhmm(self.quiet_start)
        d["quiet_end"] = _hhmm(self.quiet_end)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Patient:
        """Rebuild from the store."""
        at, practice = d.get("checkin_time"), d.get("practice_time")
        return cls(
            patient_id=str(d["patient_id"]),
            telegram_id=int(d["telegram_id"]),
            alias=str(d["alias"]),
            counselor_id=int(d["counselor_id"]),
            enrolled_at=datetime.fromisoformat(d["enrolled_at"]),
            consent_at=datetime.fromisoformat(d["consent_at"]),
            cohort=d.get("cohort"),
            timezone=d.get("timezone"),
            checkin_time=time.fromisoformat(at) if at else None,
            status=d.get("status", "active"),
            locale=d.get("locale"),
            practice_time=time.fromisoformat(practice) if practice else None,
            status_changed_at=_dt(d.get("status_changed_at")),
            quiet_start=_clock(d.get("quiet_start")),
            quiet_end=_clock(d.get("quiet_end")),
            language=language_of(d.get("language")),
            withdrawn_by=d.get("withdrawn_by"),
        )


@dataclass(frozen=True)
class EnrollmentCode:
    """A one-time invitation; only a hash of the code itself is stored."""

    code_hash: str
    alias: str
    counselor_id: int
    created_at: datetime
    expires_at: datetime
    cohort: str | None = None
    used_at: datetime | None = None

    def usable(self, now: datetime) -> bool:
        """True while the code is unused and unexpired."""
        return self.used_at is None and now < self.expires_at

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        d = asdict(self)
        d["created_at"] = _iso(self.created_at)
        d["expires_at"] = _iso(self.expires_at)
        d["used_at"] = _iso(self.used_at)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EnrollmentCode:
        """Rebuild from the store."""
        return cls(
            code_hash=str(d["code_hash"]),
            alias=str(d["alias"]),
            counselor_id=int(d["counselor_id"]),
            created_at=datetime.fromisoformat(d["created_at"]),
            expires_at=datetime.fromisoformat(d["expires_at"]),
            cohort=d.get("cohort"),
            used_at=_dt(d.get("used_at")),
        )
