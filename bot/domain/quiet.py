"""Quiet hours: each patient's own window (or the program's default) and whether a time is inside it.

Nothing here sends anything; callers decide what quiet hours mean for their push (a nudge is
dropped, a reminder or the weekly push waits, a check-in prompt or broadcast arrives silently).
Crisis answers, SOS and counselor alerts are urgent and never ask.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config.settings import Settings
    from bot.domain.models import Patient

Window = tuple[time, time]
# An empty window (start == end): never quiet. Stored on a patient, it means they turned quiet hours off.
OFF: Window = (time(0, 0), time(0, 0))
# The choices /settings offers besides the program default and "Off".
PRESETS: tuple[Window, ...] = (
    (time(21, 0), time(7, 0)),
    (time(22, 0), time(8, 0)),
    (time(23, 0), time(9, 0)),
    (time(0, 0), time(6, 0)),
)


def is_quiet(local_time: time, start: time, end: time) -> bool:
    """True when a local wall-clock time is inside [start, end), a window that may wrap midnight."""
    at = local_time.replace(tzinfo=None)
    if start == end:
        return False  # an empty window: quiet hours are off
    if start < end:
        return start <= at < end
    return at >= start or at < end


def quiet_hours(patient: Patient, settings: Settings) -> Window | None:
    """The patient's quiet hours (their own, else the program's), or None when there are none."""
    start, end = chosen(patient) or (settings.quiet_start, settings.quiet_end)
    return None if start == end else (start, end)


def window_or_off(patient: Patient, settings: Settings) -> Window:
    """Like `quiet_hours`, with OFF instead of None, for rules that take a start and an end."""
    return quiet_hours(patient, settings) or OFF


def quiet_now(now: datetime, patient: Patient, settings: Settings) -> bool:
    """True when it is inside the patient's quiet hours on their own wall clock right now."""
    window = quiet_hours(patient, settings)
    if window is None:
        return False
    return is_quiet(now.astimezone(patient.tz or settings.tz).time(), *window)


def chosen(patient: Patient) -> Window | None:
    """What the patient picked in /settings: their own window, OFF, or None for the program default."""
    if patient.quiet_start is None or patient.quiet_end is None:
        return None
    return (patient.quiet_start, patient.quiet_end)


def default_window(settings: Settings) -> Window:
    """The program's quiet hours (OFF when the program turned them off)."""
    start, end = settings.quiet_start, settings.quiet_end
    return OFF if start == end else (start, end)


def choices(settings: Settings) -> list[Window]:
    """The windows offered as buttons: the program default first, then the other presets, then OFF."""
    default = default_window(settings)
    return [default, *(w for w in (*PRESETS, OFF) if w != default)]


def encode(window: Window) -> str:
    """A window as button data: "2100-0700"."""
    return f"{window[0]:%H%M}-{window[1]:%H%M}"


def decode(text: str) -> Window | None:
    """The window from button data, or None when it is malformed."""
    try:
        start, end = text.split("-")
        return (
            time(int(start[:2]), int(start[2:])),
            time(int(end[:2]), int(end[2:])),
        )
    except ValueError:
        return None
