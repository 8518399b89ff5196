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
from zoneinfo import ZoneInfo

from bot.settings_sections import (
    CrisisResources,
    SettingsError,
    alerts_section,
    clock_value,
    counselor_section,
    crisis_section,
    data_section,
    level_name,
    measures_section,
    section,
    text_value,
    whole_number,
    zone_name,
)

__all__ = ["CrisisResources", "Settings", "SettingsError", "load_settings"]

DEFAULT_API_URL = "https://api.telegram.org/bot"
DEFAULT_CONFIG = Path("config/settings.toml")
_TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from configuration, validated once at start-up."""

    program_name: str = "IOP Companion"
    timezone: str = "America/New_York"
    default_checkin_time: time = time(19, 0)
    checkin_items_file: Path | None = None
    # A clinic's own program data files, by shipped name (bot/resources.py); empty = the shipped ones.
    data_files: Mapping[str, Path] = field(default_factory=dict)
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
        "data",
    }
    for key in raw:
        if key not in known:
            raise SettingsError(f"{key}: unknown section (expected one of {', '.join(sorted(known))})")
    out: dict[str, Any] = {}
    program = section(raw, "program")
    if "name" in program:
        out["program_name"] = text_value(program["name"], "program.name")
    if "timezone" in program:
        out["timezone"] = zone_name(program["timezone"], "program.timezone")
    if "after_hours_phone" in program:
        out["after_hours_phone"] = text_value(
            program["after_hours_phone"], "program.after_hours_phone", empty=True
        )
    if "common_timezones" in program:
        zones = program["common_timezones"]
        if not isinstance(zones, list) or not zones:
            raise SettingsError("program.common_timezones: expected a non-empty list of IANA names")
        out["common_timezones"] = tuple(zone_name(z, "program.common_timezones") for z in zones)
    checkin = section(raw, "checkin")
    if "default_time" in checkin:
        out["default_checkin_time"] = clock_value(checkin["default_time"], "checkin.default_time")
    if "time_choices" in checkin:
        out["checkin_times"] = tuple(clock_value(t, "checkin.time_choices") for t in checkin["time_choices"])
    if "items_file" in checkin:
        items = Path(text_value(checkin["items_file"], "checkin.items_file"))
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
    out.update(alerts_section(section(raw, "alerts")))
    out.update(counselor_section(section(raw, "counselor")))
    out.update(data_section(section(raw, "data")))
    instruments_file = out.get("data_files", {}).get("instruments.toml")
    out.update(measures_section(section(raw, "measures"), instruments_file))
    sessions = section(raw, "sessions")
    if "reminder_offsets_minutes" in sessions:
        offsets = sessions["reminder_offsets_minutes"]
        if not isinstance(offsets, list) or not all(isinstance(o, int) and 1 <= o <= 10080 for o in offsets):
            raise SettingsError(
                "sessions.reminder_offsets_minutes: expected a list of minutes from 1 to 10080"
            )
        out["reminder_offsets_minutes"] = tuple(sorted(set(offsets), reverse=True))
    digest = section(raw, "digest")
    if "pre_group_minutes" in digest:
        lead = digest["pre_group_minutes"]
        if not isinstance(lead, int) or isinstance(lead, bool) or not 0 <= lead <= 1440:
            raise SettingsError(f"digest.pre_group_minutes: expected minutes from 0 to 1440, got {lead!r}")
        out["digest_pre_group_minutes"] = lead
    flood = section(raw, "flood")
    for key in ("messages", "seconds"):
        if key in flood:
            out[f"flood_{key}"] = whole_number(flood[key], f"flood.{key}", 1)
    storage = section(raw, "storage")
    if "allow_unencrypted" in storage:
        if not isinstance(storage["allow_unencrypted"], bool):
            raise SettingsError("storage.allow_unencrypted: expected true or false")
        out["allow_unencrypted"] = storage["allow_unencrypted"]
    quiet = section(raw, "quiet_hours")
    if "start" in quiet:
        out["quiet_start"] = clock_value(quiet["start"], "quiet_hours.start")
    if "end" in quiet:
        out["quiet_end"] = clock_value(quiet["end"], "quiet_hours.end")
    enrollment = section(raw, "enrollment")
    for key, attr, low in (
        ("code_valid_days", "enrollment_code_days", 1),
        ("max_code_attempts", "code_attempts", 1),
        ("attempt_window_minutes", "code_attempt_window_minutes", 1),
    ):
        if key in enrollment:
            out[attr] = whole_number(enrollment[key], f"enrollment.{key}", low)
    crisis = section(raw, "crisis")
    if crisis:
        out.update(crisis_section(crisis))
    privacy = section(raw, "privacy")
    if "retention_days" in privacy:
        out["retention_days"] = whole_number(privacy["retention_days"], "privacy.retention_days", 0)
    logging = section(raw, "logging")
    if "level" in logging:
        out["log_level"] = level_name(logging["level"], "logging.level")
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
        out["log_level"] = level_name(env["IOP_LOG_LEVEL"], "IOP_LOG_LEVEL")
    secret = env.get("IOP_WEBHOOK_SECRET", "")
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
        raise SettingsError("IOP_WEBHOOK_SECRET: expected 16-256 letters, digits, _ or -")
    out["webhook_secret"] = secret
    return out
