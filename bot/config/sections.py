"""The settings file's schema: one pydantic model per [section], strict and closed.

Every section forbids unknown keys (a typo such as ``on_call`` must not load with nobody on call)
and is strict about types (``oncall = [true]`` is not a user id). Each field's ``description`` is
what the error message says was expected, so one line names the key and how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from bot.config.shipped import shipped_locale
from bot.config.zones import iana_zone


class SettingsError(ValueError):
    """A configuration value is missing or wrong; the message names the key."""


@dataclass(frozen=True)
class CrisisResources:
    """Crisis lines for one locale, shown verbatim to patients."""

    locale: str
    lines: tuple[str, ...]


def _clock(value: Any) -> time:
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"{value!r} is not a time of day as HH:MM (e.g. 19:00)")
    return time(int(match[1]), int(match[2]))


def level_name(value: Any, key: str = "") -> str:
    """DEBUG, INFO, WARNING or ERROR in any case; ``key`` names the setting in a SettingsError."""
    level = str(value).upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        message = f"{value!r} is not one of DEBUG, INFO, WARNING, ERROR"
        raise SettingsError(f"{key}: {message}") if key else ValueError(message)
    return level


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(value: Any) -> int:
    if not isinstance(value, str) or value.lower() not in _WEEKDAYS:
        raise ValueError(f"{value!r} is not a day name (e.g. monday)")
    return _WEEKDAYS.index(value.lower())


Clock = Annotated[time, BeforeValidator(_clock)]
Zone = Annotated[str, AfterValidator(iana_zone)]
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]


def whole(default: int, low: int, high: int | None = None) -> Any:
    """A field that takes a whole number in ``low..high`` and says so when it gets anything else."""
    expect = (
        f"a whole number from {low} to {high}" if high is not None else f"a whole number of at least {low}"
    )
    return Field(default=default, ge=low, le=high, description=expect)


class Section(BaseModel):
    """A closed, strict TOML table; ``attrs`` maps a key to its Settings attribute when they differ."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    attrs: ClassVar[dict[str, str]] = {}

    def settings_values(self) -> dict[str, Any]:
        """Only the keys the file set, under their Settings attribute names, lists as tuples."""
        out: dict[str, Any] = {}
        for key in self.model_fields_set:
            value = getattr(self, key)
            out[self.attrs.get(key, key)] = tuple(value) if isinstance(value, list) else value
        return out


class Program(Section):
    attrs: ClassVar[dict[str, str]] = {"name": "program_name"}
    name: Text = Field(default="IOP Companion", description="non-empty text")
    timezone: Zone = Field(
        default="America/New_York", description="an IANA time zone (e.g. America/New_York)"
    )
    after_hours_phone: str = Field(default="", description="text")
    common_timezones: list[Zone] = Field(
        default=[], min_length=1, description="a non-empty list of IANA names"
    )


class Checkin(Section):
    attrs: ClassVar[dict[str, str]] = {
        "default_time": "default_checkin_time",
        "time_choices": "checkin_times",
        "items_file": "checkin_items_file",
    }
    default_time: Clock = Field(default=time(19), description="a time of day as HH:MM")
    # newcomer13 O46: [] was taken, and set-up asked "Tap a time, or type one" with no button.
    time_choices: list[Clock] = Field(
        default=[], min_length=1, description="a non-empty list of times of day as HH:MM"
    )
    items_file: Text = Field(default="", description="the path of a check-in items file")
    nudge_after_hours: int = whole(2, 1, 12)
    missed_days_flag: int = whole(2, 1, 14)


class QuietHours(Section):
    attrs: ClassVar[dict[str, str]] = {"start": "quiet_start", "end": "quiet_end"}
    start: Clock = Field(default=time(22), description="a time of day as HH:MM")
    end: Clock = Field(default=time(8), description="a time of day as HH:MM")


class Enrollment(Section):
    attrs: ClassVar[dict[str, str]] = {
        "code_valid_days": "enrollment_code_days",
        "max_code_attempts": "code_attempts",
        "attempt_window_minutes": "code_attempt_window_minutes",
    }
    code_valid_days: int = whole(7, 1)
    max_code_attempts: int = whole(5, 1)
    attempt_window_minutes: int = whole(10, 1)


class CrisisLocale(Section):
    lines: list[Text] = Field(min_length=1, description="a non-empty list of text lines")


class Crisis(Section):
    # Each [crisis.<locale>] table is an extra key, validated as a CrisisLocale.
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)
    __pydantic_extra__: dict[str, CrisisLocale] = Field(init=False)
    default_locale: Text = Field(default="us", description="a locale with its own [crisis.<locale>] table")

    def settings_values(self) -> dict[str, Any]:
        locales = {
            name: CrisisResources(name, tuple(t.lines)) for name, t in (self.model_extra or {}).items()
        }
        if self.default_locale not in locales:  # a shipped locale needs no copy of its lines ("mx")
            locales[self.default_locale] = shipped_locale(self.default_locale)
        return {"crisis": locales, "default_locale": self.default_locale}


class Logging(Section):
    attrs: ClassVar[dict[str, str]] = {"level": "log_level"}
    level: Annotated[str, BeforeValidator(level_name)] = Field(default="INFO", description="a log level")


class Storage(Section):
    allow_unencrypted: bool = Field(default=False, description="true or false")


class Alerts(Section):
    attrs: ClassVar[dict[str, str]] = {
        "repeat_minutes": "escalate_repeat_minutes",
        "max_rounds": "escalate_max_rounds",
    }
    # Bounded (newcomer11 O17): a typo of 100000 sent an unacknowledged crisis alert to on-call after 69 days.
    escalate_after_minutes: int = whole(15, 1, 240)
    repeat_minutes: int = whole(15, 1, 240)
    max_rounds: int = whole(3, 1, 20)
    routine_hold_hours: int = whole(2, 0, 72)
    oncall: list[Annotated[int, Field(gt=0)]] = Field(
        default=[], description="a list of Telegram user ids (whole numbers)"
    )


class Sessions(Section):
    reminder_offsets_minutes: list[Annotated[int, Field(ge=1, le=10080)]] = Field(
        default=[], description="a list of minutes from 1 to 10080"
    )

    def settings_values(self) -> dict[str, Any]:
        out = super().settings_values()
        if "reminder_offsets_minutes" in out:
            out["reminder_offsets_minutes"] = tuple(sorted(set(self.reminder_offsets_minutes), reverse=True))
        return out


class Flood(Section):
    attrs: ClassVar[dict[str, str]] = {"messages": "flood_messages", "seconds": "flood_seconds"}
    messages: int = whole(20, 1)
    seconds: int = whole(10, 1)


class Privacy(Section):
    retention_days: int = whole(0, 0)


class Digest(Section):
    attrs: ClassVar[dict[str, str]] = {"pre_group_minutes": "digest_pre_group_minutes"}
    pre_group_minutes: int = Field(default=60, ge=0, le=1440, description="minutes from 0 to 1440")


class Counselor(Section):
    attrs: ClassVar[dict[str, str]] = {
        "require_pin": "counselor_require_pin", "unlock_idle_minutes": "counselor_unlock_idle_minutes",
        "pin_attempts": "counselor_pin_attempts", "lockout_minutes": "counselor_lockout_minutes",
        "reply_within": "counselor_reply_within", "working_hours": "counselor_hours",
        "reply_within_es": "counselor_reply_within_es", "working_hours_es": "counselor_hours_es",
    }  # fmt: skip
    require_pin: bool = Field(default=False, description="true or false")
    unlock_idle_minutes: int = whole(15, 1, 720)
    pin_attempts: int = whole(5, 1, 20)
    lockout_minutes: int = whole(15, 1, 1440)
    # Told to patients with each message they send: "… usually replies within <reply_within> (<hours>)".
    reply_within: Text = Field(default="a working day", description="non-empty text")
    working_hours: str = Field(default="Monday to Friday, 9 AM to 5 PM", description="text")
    reply_within_es: str = Field(default="", description="text")  # Spanish; empty: texts.reply_expectation
    working_hours_es: str = Field(default="", description="text")


class Measures(Section):
    attrs: ClassVar[dict[str, str]] = {
        "enabled": "measures_enabled",
        "weekday": "measures_weekday",
        "time": "measures_time",
        "instruments": "measures_instruments",
    }
    enabled: bool = Field(default=True, description="true or false")
    weekday: Annotated[int, BeforeValidator(_weekday)] = Field(
        default=0, description="a day name (e.g. monday)"
    )
    time: Clock = Field(default=time(17), description="a time of day as HH:MM")
    instruments: list[str] = Field(
        default=[], min_length=1, description="a non-empty list of instrument ids (e.g. phq9)"
    )


class Data(Section):
    """``[data] flag_rules = "config/flag_rules.toml"``: a clinic's own copy of a shipped program data file."""

    model_config = ConfigDict(extra="allow", strict=True, frozen=True)
    __pydantic_extra__: dict[str, Text] = Field(init=False)

    def settings_values(self) -> dict[str, Any]:
        from bot.config.errors import near_miss
        from bot.config.resources import shipped_names

        names = [n.removesuffix(".toml") for n in shipped_names()]
        files: dict[str, Path] = {}
        for key, value in (self.model_extra or {}).items():
            if key not in names:
                raise SettingsError(f"data.{key}: {near_miss(key, names, 'program data file')}")
            path = Path(value)
            if not path.is_file():
                raise SettingsError(f"data.{key}: {path} does not exist")
            files[f"{key}.toml"] = path
        return {"data_files": files} if files else {}


class SettingsFile(Section):
    """The whole file: only these [sections]."""

    program: Program = Field(default_factory=Program, description="a [program] table")
    checkin: Checkin = Field(default_factory=Checkin, description="a [checkin] table")
    quiet_hours: QuietHours = Field(default_factory=QuietHours, description="a [quiet_hours] table")
    enrollment: Enrollment = Field(default_factory=Enrollment, description="an [enrollment] table")
    crisis: Crisis = Field(default_factory=Crisis, description="a [crisis] table")
    logging: Logging = Field(default_factory=Logging, description="a [logging] table")
    storage: Storage = Field(default_factory=Storage, description="a [storage] table")
    alerts: Alerts = Field(default_factory=Alerts, description="an [alerts] table")
    sessions: Sessions = Field(default_factory=Sessions, description="a [sessions] table")
    flood: Flood = Field(default_factory=Flood, description="a [flood] table")
    privacy: Privacy = Field(default_factory=Privacy, description="a [privacy] table")
    digest: Digest = Field(default_factory=Digest, description="a [digest] table")
    counselor: Counselor = Field(default_factory=Counselor, description="a [counselor] table")
    measures: Measures = Field(default_factory=Measures, description="a [measures] table")
    data: Data = Field(default_factory=Data, description="a [data] table")

    def settings_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.model_fields_set:
            out.update(getattr(self, name).settings_values())
        if "measures_instruments" in out:
            out["measures_instruments"] = _instruments(
                out["measures_instruments"], out.get("data_files", {}).get("instruments.toml")
            )
        return out


def _instruments(ids: tuple[str, ...], instruments_file: Path | None) -> tuple[str, ...]:
    from bot.domain.instruments import load_instruments

    known = load_instruments(instruments_file)
    if unknown := [i for i in ids if i not in known]:
        raise SettingsError(f"measures.instruments: {unknown[0]!r} is not one of {', '.join(known)}")
    return tuple(dict.fromkeys(ids))
