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

from pydantic import ValidationError

from bot.config.errors import first_error, one_line
from bot.config.keys import parse_keys
from bot.config.sections import CrisisResources, SettingsError, SettingsFile, level_name

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
    # A clinic's own program data files, by shipped name (bot/config/resources.py); empty = the shipped ones.
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
    # After a crisis alert about a patient, their routine pushes (daily prompt, practice, weekly questions) and
    # an interrupted set-up wait this long, then go on even if the alert is still open (newcomer6 34, 7).
    routine_hold_hours: int = 2
    oncall: tuple[int, ...] = ()
    counselor_require_pin: bool = False
    counselor_unlock_idle_minutes: int = 15
    counselor_pin_attempts: int = 5
    counselor_lockout_minutes: int = 15
    # Told to patients with every message they send: when to expect an answer, and when not to wait.
    counselor_reply_within: str = "a working day"
    counselor_hours: str = "Monday to Friday, 9 AM to 5 PM"
    counselor_reply_within_es: str = ""  # empty: see texts.reply_expectation
    counselor_hours_es: str = ""
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


def settings_dir(env: Mapping[str, str] | None = None) -> Path:
    """The directory of the settings file in use, where a clinic keeps its own program data copies."""
    env = os.environ if env is None else env
    return (Path(env["IOP_CONFIG"]) if env.get("IOP_CONFIG") else DEFAULT_CONFIG).parent


def settings_source(env: Mapping[str, str] | None = None) -> str:
    """Which file settings come from, said plainly (newcomer5 finding 29: run from another directory, `run` and
    `doctor` silently used the built-in defaults: another zone, no after-hours line, nobody on call)."""
    env = os.environ if env is None else env
    if env.get("IOP_CONFIG"):
        return f"{Path(env['IOP_CONFIG']).resolve()} (IOP_CONFIG)"
    if DEFAULT_CONFIG.exists():
        return str(DEFAULT_CONFIG.resolve())
    return f"none: the built-in defaults (IOP_CONFIG is not set and there is no config/settings.toml in {Path.cwd()})"


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
    except OSError as exc:  # newcomer11 O18: a root-only file was a traceback and a restart loop (exit 1)
        raise SettingsError(
            f"IOP_CONFIG: {path} cannot be read by this user ({exc.strerror or exc}): let the bot's user read it "
            "(for the systemd unit: chgrp iop and chmod 640 it)"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"IOP_CONFIG: {path} is not valid TOML ({exc})") from None


def _from_toml(raw: dict[str, Any]) -> dict[str, Any]:
    """The values the file sets, by Settings attribute; SettingsError names the first bad key."""
    try:
        parsed = SettingsFile.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(first_error(exc)) from None
    out = parsed.settings_values()
    if "checkin_items_file" in out:
        out["checkin_items_file"] = _items_file(Path(out["checkin_items_file"]))
    return out


def _items_file(items: Path) -> Path:
    from bot.domain.checkins import load_checkin_config

    if not items.is_file():
        raise SettingsError(f"checkin.items_file: {items} does not exist")
    try:
        load_checkin_config(items)
    except (ValueError, KeyError, TypeError) as exc:  # TOMLDecodeError is a ValueError
        raise SettingsError(f"checkin.items_file: {items}: {one_line(exc)}") from None
    return items


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
        try:
            out["data_keys"] = tuple(parse_keys(env["IOP_DATA_KEY"]))
        except ValueError:
            raise SettingsError(
                "IOP_DATA_KEY: not a valid data key; copy the key this data was written with again, whole "
                "(`iop-bot keygen` makes one only for a new, empty data dir)"
            ) from None
    if env.get("IOP_LOG_LEVEL"):
        out["log_level"] = level_name(env["IOP_LOG_LEVEL"], "IOP_LOG_LEVEL")
    secret = env.get("IOP_WEBHOOK_SECRET", "")
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
        raise SettingsError("IOP_WEBHOOK_SECRET: expected 16-256 letters, digits, _ or -")
    out["webhook_secret"] = secret
    return out
