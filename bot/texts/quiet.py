"""Quiet hours: the /settings choice and what a counselor is told about silent deliveries."""

from __future__ import annotations

from datetime import time

from bot.texts.base import clock_in, pick

BTN_QUIET_OFF = "Off"
BTN_QUIET_OFF_ES = "Apagadas"


def quiet_label(window: tuple[time, time] | None, language: str) -> str:
    """A window as people read it ("10:00 PM–8:00 AM", "22:00–08:00"), or "off"."""
    if window is None or window[0] == window[1]:
        return pick(language, "off", "apagadas")
    return f"{clock_in(window[0], language)}–{clock_in(window[1], language)}"


def btn_quiet_hours(window: tuple[time, time] | None, language: str) -> str:
    """The /settings button that opens the quiet-hours choice, showing the current window."""
    return pick(language, "🌙 Quiet hours: ", "🌙 Horas de silencio: ") + quiet_label(window, language)


def btn_quiet_choice(window: tuple[time, time], is_default: bool, language: str) -> str:
    """One preset button; the program's default says so."""
    off = pick(language, BTN_QUIET_OFF, BTN_QUIET_OFF_ES)
    label = off if window[0] == window[1] else quiet_label(window, language)
    return label + pick(language, " (default)", " (predeterminada)") if is_default else label


def quiet_menu(current: tuple[time, time] | None, own: bool, language: str) -> str:
    """The quiet-hours question, with what is set now."""
    now = quiet_label(current, language)
    if not own and current is not None:
        now += pick(language, " (the default)", " (la predeterminada)")
    if language == "es":
        return (
            f"<b>Horas de silencio</b>: ahora {now}.\n\n"
            "Durante las horas de silencio no te mando recordatorios, los avisos de sesión esperan a que "
            "terminen y los demás mensajes llegan sin sonido. /sos y la ayuda en crisis siempre funcionan.\n\n"
            "Elige las horas que mejor se ajusten a tu descanso:"
        )
    return (
        f"<b>Quiet hours</b>: now {now}.\n\n"
        "During quiet hours I send no nudges, session reminders wait until they end, and other "
        "messages arrive without a sound. /sos and crisis help always work.\n\n"
        "Pick the hours that suit your sleep:"
    )


def quiet_saved(window: tuple[time, time] | None, language: str) -> str:
    """After a choice."""
    if window is None:
        return pick(
            language,
            "Quiet hours are off. Reminders and nudges can come at any hour.",
            "Las horas de silencio están apagadas. Los recordatorios pueden llegar a cualquier hora.",
        )
    label = quiet_label(window, language)
    return pick(
        language,
        f"Done. Quiet hours are now <b>{label}</b> (your time).",
        f"Listo. Tus horas de silencio ahora son <b>{label}</b> (tu hora).",
    )


def broadcast_silent(count: int) -> str:
    """Told to the counselor after a broadcast: some arrived silently (no names)."""
    people = "patient was" if count == 1 else "patients were"
    return f"{count} {people} in their quiet hours, so it reached them silently."
