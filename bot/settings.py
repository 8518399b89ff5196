"""Typed, frozen settings from a TOML file plus the environment, failing fast on bad values."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_API_URL = "https://api.telegram.org/bot"
DEFAULT_CONFIG = Path("config/settings.toml")
_TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


class SettingsError(ValueError):
    """A configuration value is missing or wrong; the message names the key."""


@dataclass(frozen=True)
class CrisisResources:
    """Crisis lines for one locale, shown verbatim to patients."""

    locale: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from configuration, validated once at start-up."""

    program_name: str = "IOP Companion"
    timezone: str = "America/New_York"
    default_checkin_time: time = time(19, 0)
    checkin_items_file: Path | None = None
    flood_messages: int = 20
    flood_seconds: int = 10
    nudge_after_hours: int = 2
    missed_days_flag: int = 2
    quiet_start: time = time(22, 0)
    quiet_end: time = time(8, 0)
    enrollment_code_days: int = 7
    code_attempts: int = 5
    code_attempt_window_minutes: int = 10
    after_hours_phone: str = ""
    default_locale: str = "us"
    crisis: Mapping[str, CrisisResources] = field(
        default_factory=lambda: {
            "us": CrisisResources(
                "us",
                (
                    "Call or text 988 (Suicide & Crisis Lifeline), any time.",
                    "Text HOME to 741741 (Crisis Text Line).",
                    "Call 911 if you are in immediate danger.",
                ),
            )
        }
    )
    common_timezones: tuple[str, ...] = (
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "Pacific/Honolulu",
    )
    checkin_times: tuple[time, ...] = (time(9, 0), time(12, 0), time(18, 0), time(20, 0), time(21, 0))
    bot_token: str = ""
    bot_api_url: str = DEFAULT_API_URL
    data_dir: Path = Path("data")
    reminder_offsets_minutes: tuple[int, ...] = (1440, 60)
    digest_pre_group_minutes: int = 60  # counselors' digest before each group; 0 = off
    measures_enabled: bool = True
    measures_weekday: int = 0  # Monday = 0, in each patient's own time zone
    measures_time: time = time(17, 0)
    measures_instruments: tuple[str, ...] = ("phq9", "gad7")
    escalate_after_minutes: int = 15
    escalate_repeat_minutes: int = 15
    escalate_max_rounds: int = 3
    oncall: tuple[int, ...] = ()
    counselor_require_pin: bool = False
    counselor_unlock_idle_minutes: int = 15
    counselor_pin_attempts: int = 5
    counselor_lockout_minutes: int = 15
    data_keys: tuple[str, ...] = field(default=(), repr=False)
    webhook_secret: str = field(default="", repr=False)  # IOP_WEBHOOK_SECRET; empty = random per run
    retention_days: int = 0  # days data is kept after a patient leaves active treatment; 0 = no limit
    allow_unencrypted: bool = False
    log_level: str = "INFO"

    @property
    def tz(self) -> ZoneInfo:
        """The program's time zone."""
        return ZoneInfo(self.timezone)

    def crisis_for(self, locale: str | None) -> CrisisResources:
        """Crisis lines for a locale, falling back to the program default."""
        return self.crisis.get(locale or "", self.crisis[self.default_locale])


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read IOP_CONFIG (or config/settings.toml when present) and the IOP_* environment."""
    env = os.environ if env is None else env
    path = Path(env["IOP_CONFIG"]) if env.get("IOP_CONFIG") else DEFAULT_CONFIG
    raw: dict[str, Any] = {}
    if env.get("IOP_CONFIG") or path.exists():
        raw = _read_toml(path)
    values = _from_toml(raw)
    values.update(_from_env(env))
    return Settings(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise SettingsError(f"IOP_CONFIG: file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"IOP_CONFIG: {path} is not valid TOML ({exc})") from None


def _from_toml(raw: dict[str, Any]) -> dict[str, Any]:
    known = {
        "program",
        "checkin",
        "quiet_hours",
        "enrollment",
        "crisis",
        "logging",
        "storage",
        "alerts",
        "sessions",
        "flood",
        "privacy",
        "digest",
        "counselor",
        "measures",
    }
    for key in raw:
        if key not in known:
            raise SettingsError(f"{key}: unknown section (expected one of {', '.join(sorted(known))})")
    out: dict[str, Any] = {}
    program = _section(raw, "program")
    if "name" in program:
        out["program_name"] = _text(program["name"], "program.name")
    if "timezone" in program:
        out["timezone"] = _zone(program["timezone"], "program.timezone")
    if "after_hours_phone" in program:
        out["after_hours_phone"] = _text(
            program["after_hours_phone"], "program.after_hours_phone", empty=True
        )
    if "common_timezones" in program:
        zones = program["common_timezones"]
        if not isinstance(zones, list) or not zones:
            raise SettingsError("program.common_timezones: expected a non-empty list of IANA names")
        out["common_timezones"] = tuple(_zone(z, "program.common_timezones") for z in zones)
    checkin = _section(raw, "checkin")
    if "default_time" in checkin:
        out["default_checkin_time"] = _clock(checkin["default_time"], "checkin.default_time")
    if "time_choices" in checkin:
        out["checkin_times"] = tuple(_clock(t, "checkin.time_choices") for t in checkin["time_choices"])
    if "items_file" in checkin:
        items = Path(_text(checkin["items_file"], "checkin.items_file"))
        if not items.is_file():
            raise SettingsError(f"checkin.items_file: {items} does not exist")
        out["checkin_items_file"] = items
    for key, attr, low, high in (
        ("nudge_after_hours", "nudge_after_hours", 1, 12),
        ("missed_days_flag", "missed_days_flag", 1, 14),
    ):
        if key in checkin:
            value = checkin[key]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise SettingsError(
                    f"checkin.{key}: expected a whole number from {low} to {high}, got {value!r}"
                )
            out[attr] = value
    out.update(_alerts(_section(raw, "alerts")))
    out.update(_counselor(_section(raw, "counselor")))
    out.update(_measures(_section(raw, "measures")))
    sessions = _section(raw, "sessions")
    if "reminder_offsets_minutes" in sessions:
        offsets = sessions["reminder_offsets_minutes"]
        if not isinstance(offsets, list) or not all(isinstance(o, int) and 1 <= o <= 10080 for o in offsets):
            raise SettingsError(
                "sessions.reminder_offsets_minutes: expected a list of minutes from 1 to 10080"
            )
        out["reminder_offsets_minutes"] = tuple(sorted(set(offsets), reverse=True))
    digest = _section(raw, "digest")
    if "pre_group_minutes" in digest:
        lead = digest["pre_group_minutes"]
        if not isinstance(lead, int) or isinstance(lead, bool) or not 0 <= lead <= 1440:
            raise SettingsError(f"digest.pre_group_minutes: expected minutes from 0 to 1440, got {lead!r}")
        out["digest_pre_group_minutes"] = lead
    flood = _section(raw, "flood")
    for key in ("messages", "seconds"):
        if key in flood:
            out[f"flood_{key}"] = _int(flood[key], f"flood.{key}", 1)
    storage = _section(raw, "storage")
    if "allow_unencrypted" in storage:
        if not isinstance(storage["allow_unencrypted"], bool):
            raise SettingsError("storage.allow_unencrypted: expected true or false")
        out["allow_unencrypted"] = storage["allow_unencrypted"]
    quiet = _section(raw, "quiet_hours")
    if "start" in quiet:
        out["quiet_start"] = _clock(quiet["start"], "quiet_hours.start")
    if "end" in quiet:
        out["quiet_end"] = _clock(quiet["end"], "quiet_hours.end")
    enrollment = _section(raw, "enrollment")
    for key, attr, low in (
        ("code_valid_days", "enrollment_code_days", 1),
        ("max_code_attempts", "code_attempts", 1),
        ("attempt_window_minutes", "code_attempt_window_minutes", 1),
    ):
        if key in enrollment:
            out[attr] = _int(enrollment[key], f"enrollment.{key}", low)
    crisis = _section(raw, "crisis")
    if crisis:
        out.update(_crisis(crisis))
    privacy = _section(raw, "privacy")
    if "retention_days" in privacy:
        out["retention_days"] = _int(privacy["retention_days"], "privacy.retention_days", 0)
    logging = _section(raw, "logging")
    if "level" in logging:
        out["log_level"] = _level(logging["level"], "logging.level")
    return out


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    token = env.get("IOP_BOT_TOKEN", "")
    if token and not _TOKEN_SHAPE.match(token):
        raise SettingsError("IOP_BOT_TOKEN: does not look like a bot token (expected digits:secret)")
    out["bot_token"] = token
    url = env.get("IOP_BOT_API_URL", "") or DEFAULT_API_URL
    if not re.match(r"^https?://[^\s/]+(/\S*)?$", url):
        raise SettingsError(f"IOP_BOT_API_URL: {url!r} is not an http(s) URL")
    out["bot_api_url"] = url
    out["data_dir"] = Path(env.get("IOP_DATA_DIR") or "data")
    if env.get("IOP_DATA_KEY"):
        from bot.store.crypto import parse_keys

        try:
            out["data_keys"] = tuple(parse_keys(env["IOP_DATA_KEY"]))
        except ValueError:
            raise SettingsError(
                "IOP_DATA_KEY: not a valid data key (generate one with `iop-bot keygen`)"
            ) from None
    if env.get("IOP_LOG_LEVEL"):
        out["log_level"] = _level(env["IOP_LOG_LEVEL"], "IOP_LOG_LEVEL")
    secret = env.get("IOP_WEBHOOK_SECRET", "")
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
        raise SettingsError("IOP_WEBHOOK_SECRET: expected 16-256 letters, digits, _ or -")
    out["webhook_secret"] = secret
    return out


def _crisis(crisis: dict[str, Any]) -> dict[str, Any]:
    default = _text(crisis.get("default_locale", "us"), "crisis.default_locale")
    locales: dict[str, CrisisResources] = {}
    for name, table in crisis.items():
        if name == "default_locale":
            continue
        lines = table.get("lines") if isinstance(table, dict) else None
        if not isinstance(lines, list) or not lines or not all(isinstance(x, str) and x for x in lines):
            raise SettingsError(f"crisis.{name}.lines: expected a non-empty list of text lines")
        locales[name] = CrisisResources(name, tuple(lines))
    if default not in locales:
        raise SettingsError(f"crisis.default_locale: no [crisis.{default}] section with lines")
    return {"crisis": locales, "default_locale": default}


def _section(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise SettingsError(f"{name}: expected a [{name}] table")
    return value


def _text(value: Any, key: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise SettingsError(f"{key}: expected {'text' if empty else 'non-empty text'}, got {value!r}")
    return value


def _int(value: Any, key: str, low: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise SettingsError(f"{key}: expected a whole number of at least {low}, got {value!r}")
    return value


def _zone(value: Any, key: str) -> str:
    try:
        ZoneInfo(_text(value, key))
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"{key}: {value!r} is not an IANA time zone (e.g. America/New_York)") from None
    return str(value)


def _clock(value: Any, key: str) -> time:
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value) if isinstance(value, str) else None
    if not match:
        raise SettingsError(f"{key}: {value!r} is not a time of day as HH:MM (e.g. 19:00)")
    return time(int(match[1]), int(match[2]))


def _level(value: Any, key: str) -> str:
    level = str(value).upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SettingsError(f"{key}: {value!r} is not one of DEBUG, INFO, WARNING, ERROR")
    return level


def _alerts(alerts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, attr in (
        ("escalate_after_minutes", "escalate_after_minutes"),
        ("repeat_minutes", "escalate_repeat_minutes"),
        ("max_rounds", "escalate_max_rounds"),
    ):
        if key in alerts:
            out[attr] = _int(alerts[key], f"alerts.{key}", 1)
    if "oncall" in alerts:
        ids = alerts["oncall"]
        if not isinstance(ids, list) or not all(isinstance(i, int) and i > 0 for i in ids):
            raise SettingsError("alerts.oncall: expected a list of Telegram user ids (numbers)")
        out["oncall"] = tuple(ids)
    return out


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _measures(measures: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "enabled" in measures:
        if not isinstance(measures["enabled"], bool):
            raise SettingsError("measures.enabled: expected true or false")
        out["measures_enabled"] = measures["enabled"]
    if "weekday" in measures:
        day = measures["weekday"]
        if not isinstance(day, str) or day.lower() not in _WEEKDAYS:
            raise SettingsError(f"measures.weekday: {day!r} is not a day name (e.g. monday)")
        out["measures_weekday"] = _WEEKDAYS.index(day.lower())
    if "time" in measures:
        out["measures_time"] = _clock(measures["time"], "measures.time")
    if "instruments" in measures:
        from bot.instruments import default_instruments

        ids, known = measures["instruments"], default_instruments()
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i in known for i in ids):
            raise SettingsError(
                f"measures.instruments: expected a non-empty list from {', '.join(known)}, got {ids!r}"
            )
        out["measures_instruments"] = tuple(dict.fromkeys(ids))
    return out


def _counselor(section: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "require_pin" in section:
        if not isinstance(section["require_pin"], bool):
            raise SettingsError("counselor.require_pin: expected true or false")
        out["counselor_require_pin"] = section["require_pin"]
    for key, high in (("unlock_idle_minutes", 720), ("pin_attempts", 20), ("lockout_minutes", 1440)):
        if key not in section:
            continue
        value = section[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= high:
            raise SettingsError(f"counselor.{key}: expected a whole number from 1 to {high}, got {value!r}")
        out[f"counselor_{key}"] = value
    return out
