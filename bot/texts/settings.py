"""/settings: what is set now, one item changed at a time, and time-zone suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from bot.texts.base import clock, esc
from bot.texts.quiet import quiet_label

BTN_CHANGE_ZONE = "🌍 Time zone"
BTN_CHANGE_TIME = "⏰ Check-in time"


def settings_summary(zone: str, at: time, quiet: tuple[time, time] | None, own_quiet: bool) -> str:
    """The /settings screen: each setting with its value, then what can be changed."""
    quiet_text = quiet_label(quiet) if own_quiet or quiet is None else f"{quiet_label(quiet)} (the default)"
    return (
        "<b>Your settings</b>\n"
        f"• Time zone: <b>{esc(zone)}</b>\n"
        f"• Daily check-in: <b>{clock(at)}</b>\n"
        f"• Quiet hours: <b>{esc(quiet_text)}</b>\n\n"
        "Tap what you'd like to change."
    )


def ask_new_timezone(current: str) -> str:
    """/settings → time zone."""
    return (
        f"Your time zone is now <b>{esc(current)}</b>. Which one are you in? Tap one, or type a city "
        "near you (for example <code>London</code>, <code>Chicago</code> or <code>Sydney</code>)."
    )


def ask_new_checkin_time(current: time, zone: str) -> str:
    """/settings → check-in time."""
    return (
        f"Your daily check-in is now at <b>{clock(current)}</b> ({esc(zone)}). When would you like it? "
        "Tap a time, or type one (for example <code>7:30 pm</code>)."
    )


def timezone_changed(zone: str, at: time) -> str:
    """After a new time zone in /settings (the check-in time stays)."""
    return (
        f"Done. Your time zone is <b>{esc(zone)}</b>; your daily check-in stays at <b>{clock(at)}</b> there."
    )


def checkin_time_changed(at: time, zone: str) -> str:
    """After a new check-in time in /settings."""
    return f"Done. Your daily check-in is now at <b>{clock(at)}</b> ({esc(zone)})."


def checkin_in_quiet_hours(at: time, quiet: tuple[time, time]) -> str:
    """The check-in time falls inside quiet hours: say what that means and how to change it."""
    return (
        f"Note: {clock(at)} is inside your quiet hours ({quiet_label(quiet)}), so the check-in will "
        "arrive without a sound. To change that, pick another time or other quiet hours in /settings."
    )


def timezone_suggestions(typed: str, zones: Sequence[str]) -> str:
    """A near miss: the closest zones as buttons."""
    return (
        f"I don't recognise <b>{esc(typed[:64])}</b> as a place or time zone. Did you mean one of these? "
        "Tap it, or type a city near you."
    )


TIMEZONE_NOT_FOUND = (
    "I don't recognise that place or time zone. Type a city near you (for example <code>London</code>, "
    "<code>Chicago</code> or <code>Madrid</code>), a name like <code>Eastern</code>, or tap a button."
)


def timezone_not_found(default_city: str) -> str:
    """The time-zone question again after an answer it could not read, with a way on (never a dead end)."""
    return (
        f"{TIMEZONE_NOT_FOUND}\n\nNot sure? Tap <b>Use {esc(default_city)} for now</b>: "
        "you can change it any time in /settings."
    )


def btn_default_zone(default_city: str) -> str:
    """The way out of the time-zone question: the program's own zone until the patient changes it."""
    return f"Use {default_city} for now"
