"""Quiet hours: the /settings choice and what a counselor is told about silent deliveries."""

from __future__ import annotations

from datetime import time

from bot.texts.base import clock

BTN_QUIET_OFF = "Off"


def quiet_label(window: tuple[time, time] | None) -> str:
    """A window as people read it ("10:00 PM–8:00 AM"), or "off"."""
    if window is None or window[0] == window[1]:
        return "off"
    return f"{clock(window[0])}–{clock(window[1])}"


def btn_quiet_hours(window: tuple[time, time] | None) -> str:
    """The /settings button that opens the quiet-hours choice, showing the current window."""
    return f"🌙 Quiet hours: {quiet_label(window)}"


def btn_quiet_choice(window: tuple[time, time], is_default: bool) -> str:
    """One preset button; the program's default says so."""
    label = BTN_QUIET_OFF if window[0] == window[1] else quiet_label(window)
    return f"{label} (default)" if is_default else label


def quiet_menu(current: tuple[time, time] | None, own: bool) -> str:
    """The quiet-hours question, with what is set now."""
    now = quiet_label(current) if own or current is None else f"{quiet_label(current)} (the default)"
    return (
        f"<b>Quiet hours</b>: now {now}.\n\n"
        "During quiet hours I send no nudges, session reminders wait until they end, and other "
        "messages arrive without a sound. /sos and crisis help always work.\n\n"
        "Pick the hours that suit your sleep:"
    )


def quiet_saved(window: tuple[time, time] | None) -> str:
    """After a choice."""
    if window is None:
        return "Quiet hours are off. Reminders and nudges can come at any hour."
    return f"Done. Quiet hours are now <b>{quiet_label(window)}</b> (your time)."


def broadcast_silent(count: int) -> str:
    """Told to the counselor after a broadcast: some arrived silently (no names)."""
    people = "patient was" if count == 1 else "patients were"
    return f"{count} {people} in their quiet hours, so it reached them silently."
