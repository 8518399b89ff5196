"""The pieces of the settings file: value checks that name the key, and the richer sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class SettingsError(ValueError):
    """A configuration value is missing or wrong; the message names the key."""


@dataclass(frozen=True)
class CrisisResources:
    """Crisis lines for one locale, shown verbatim to patients."""

    locale: str
    lines: tuple[str, ...]


def crisis_section(crisis: dict[str, Any]) -> dict[str, Any]:
    default = text_value(crisis.get("default_locale", "us"), "crisis.default_locale")
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


def section(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise SettingsError(f"{name}: expected a [{name}] table")
    return value


def text_value(value: Any, key: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise SettingsError(f"{key}: expected {'text' if empty else 'non-empty text'}, got {value!r}")
    return value


def whole_number(value: Any, key: str, low: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise SettingsError(f"{key}: expected a whole number of at least {low}, got {value!r}")
    return value


def zone_name(value: Any, key: str) -> str:
    try:
        ZoneInfo(text_value(value, key))
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"{key}: {value!r} is not an IANA time zone (e.g. America/New_York)") from None
    return str(value)


def clock_value(value: Any, key: str) -> time:
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value) if isinstance(value, str) else None
    if not match:
        raise SettingsError(f"{key}: {value!r} is not a time of day as HH:MM (e.g. 19:00)")
    return time(int(match[1]), int(match[2]))


def level_name(value: Any, key: str) -> str:
    level = str(value).upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SettingsError(f"{key}: {value!r} is not one of DEBUG, INFO, WARNING, ERROR")
    return level


def alerts_section(alerts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, attr in (
        ("escalate_after_minutes", "escalate_after_minutes"),
        ("repeat_minutes", "escalate_repeat_minutes"),
        ("max_rounds", "escalate_max_rounds"),
    ):
        if key in alerts:
            out[attr] = whole_number(alerts[key], f"alerts.{key}", 1)
    if "oncall" in alerts:
        ids = alerts["oncall"]
        if not isinstance(ids, list) or not all(isinstance(i, int) and i > 0 for i in ids):
            raise SettingsError("alerts.oncall: expected a list of Telegram user ids (numbers)")
        out["oncall"] = tuple(ids)
    return out


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def measures_section(measures: dict[str, Any], instruments_file: Path | None = None) -> dict[str, Any]:
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
        out["measures_time"] = clock_value(measures["time"], "measures.time")
    if "instruments" in measures:
        from bot.instruments import load_instruments

        ids, known = measures["instruments"], load_instruments(instruments_file)
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i in known for i in ids):
            raise SettingsError(
                f"measures.instruments: expected a non-empty list from {', '.join(known)}, got {ids!r}"
            )
        out["measures_instruments"] = tuple(dict.fromkeys(ids))
    return out


def counselor_section(section: dict[str, Any]) -> dict[str, Any]:
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


def data_section(data: dict[str, Any]) -> dict[str, Any]:
    """``[data] flag_rules = "config/flag_rules.toml"``: a clinic's own copy of a shipped program data file."""
    from bot.resources import shipped_names

    files: dict[str, Path] = {}
    for key, value in data.items():
        name = f"{key}.toml"
        if name not in shipped_names():
            known = ", ".join(n.removesuffix(".toml") for n in shipped_names())
            raise SettingsError(f"data.{key}: not a program data file (expected one of {known})")
        path = Path(text_value(value, f"data.{key}"))
        if not path.is_file():
            raise SettingsError(f"data.{key}: {path} does not exist")
        files[name] = path
    return {"data_files": files} if files else {}
