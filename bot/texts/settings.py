"""/settings: what is set now, one item changed at a time, and time-zone suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from bot.texts.base import clock, clock_in, esc, pick
from bot.texts.quiet import quiet_label

BTN_CHANGE_ZONE = "🌍 Time zone"
BTN_CHANGE_TIME = "⏰ Check-in time"
BTN_CHANGE_ZONE_ES = "🌍 Zona horaria"
BTN_CHANGE_TIME_ES = "⏰ Hora del registro"


def settings_summary(
    zone: str,
    at: time,
    quiet: tuple[time, time] | None,
    own_quiet: bool,
    language: str,
    *,
    weekly: bool = False,
) -> str:
    """The /settings screen: each setting with its value, then what can be changed. ``weekly``: in aftercare the
    check-in comes once a week, on Mondays (newcomer22 N220: "Daily check-in" was shown after a discharge)."""
    label = quiet_label(quiet, language)
    if not own_quiet and quiet is not None:
        label += pick(language, " (the default)", " (la predeterminada)")
    if language == "es":
        checkin = (
            f"• Registro semanal: <b>los lunes a las {clock_in(at, language)}</b>\n"
            if weekly
            else f"• Registro diario: <b>{clock_in(at, language)}</b>\n"
        )
        return (
            "<b>Tu configuración</b>\n"
            f"• Zona horaria: <b>{esc(zone)}</b>\n"
            f"{checkin}"
            f"• Horas de silencio: <b>{esc(label)}</b>\n\n"
            "Toca lo que quieras cambiar."
        )
    checkin = (
        f"• Weekly check-in: <b>Mondays at {clock(at)}</b>\n"
        if weekly
        else f"• Daily check-in: <b>{clock(at)}</b>\n"
    )
    return (
        "<b>Your settings</b>\n"
        f"• Time zone: <b>{esc(zone)}</b>\n"
        f"{checkin}"
        f"• Quiet hours: <b>{esc(label)}</b>\n\n"
        "Tap what you'd like to change."
    )


def ask_new_timezone(current: str, language: str) -> str:
    """/settings → time zone."""
    return pick(
        language,
        f"Your time zone is now <b>{esc(current)}</b>. Which one are you in? Tap one, or type a city "
        "near you (for example <code>London</code>, <code>Chicago</code> or <code>Sydney</code>).",
        f"Tu zona horaria ahora es <b>{esc(current)}</b>. ¿En cuál estás? Toca una, o escribe una ciudad "
        "cerca de ti (por ejemplo <code>Los Ángeles</code>, <code>Chicago</code> o <code>Bogotá</code>).",
    )


def ask_new_checkin_time(current: time, zone: str, language: str) -> str:
    """/settings → check-in time."""
    return pick(
        language,
        f"Your daily check-in is now at <b>{clock(current)}</b> ({esc(zone)}). When would you like it? "
        "Tap a time, or type one (for example <code>7:30 pm</code>).",
        f"Tu registro diario ahora es a las <b>{clock_in(current, language)}</b> ({esc(zone)}). "
        "¿A qué hora lo quieres? Toca una hora, o escríbela (por ejemplo <code>19:30</code>).",
    )


def timezone_changed(zone: str, at: time, language: str) -> str:
    """After a new time zone in /settings (the check-in time stays)."""
    return pick(
        language,
        f"Done. Your time zone is <b>{esc(zone)}</b>; your daily check-in stays at <b>{clock(at)}</b> there.",
        f"Listo. Tu zona horaria es <b>{esc(zone)}</b>; tu registro diario sigue a las "
        f"<b>{clock_in(at, language)}</b>, hora de esa zona.",
    )


def checkin_time_changed(at: time, zone: str, language: str) -> str:
    """After a new check-in time in /settings."""
    return pick(
        language,
        f"Done. Your daily check-in is now at <b>{clock(at)}</b> ({esc(zone)}).",
        f"Listo. Tu registro diario ahora es a las <b>{clock_in(at, language)}</b> ({esc(zone)}).",
    )


def checkin_in_quiet_hours(at: time, quiet: tuple[time, time]) -> str:
    """The check-in time falls inside quiet hours: say what that means and how to change it."""
    return (
        f"Note: {clock(at)} is inside your quiet hours ({quiet_label(quiet, 'en')}), so the check-in will "
        "arrive without a sound. To change that, pick another time or other quiet hours in /settings."
    )


def timezone_suggestions(typed: str, zones: Sequence[str]) -> str:
    """A near miss: the closest zones as buttons."""
    return (
        f"I don't recognize <b>{esc(typed[:64])}</b> as a place or time zone. Did you mean one of these? "
        "Tap it, or type a city near you."
    )


TIMEZONE_NOT_FOUND = (
    "I don't recognize that place or time zone. Type a city near you (for example <code>London</code>, "
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
