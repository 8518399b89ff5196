"""Set-up asked again after a crisis interrupted it (newcomer6 finding 34); what the counselor reads about a
patient who has not finished set-up is in counselor.py (STATUS_LABELS).

Sent unprompted, so lock-screen safe: nothing here names a condition, a treatment or a substance, nor the
crisis that interrupted it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import esc

__all__ = ["setup_again_time", "setup_again_zone"]

_LEAD = {
    "en": "Whenever you're ready, let's finish setting up, so I can check in with you at a good time for you.",
    "es": "Cuando estés listo o lista, terminemos de configurar todo, para escribirte a una hora que te acomode.",
}


def setup_again_zone(language: str, zones: Sequence[str], default_city: str) -> str:
    """The time-zone question again, some hours after crisis words were typed at it; a way on with the
    program's zone (the button below)."""
    example = esc(zones[0] if zones else "America/New_York")
    if language == "es":
        return (
            f"{_LEAD['es']}\n\n<b>¿En qué zona horaria estás?</b> Toca una, o escribe el nombre de tu ciudad "
            f"(por ejemplo <code>{example}</code>). ¿Tienes dudas? Toca <b>Usar {esc(default_city)} por "
            "ahora</b>: puedes cambiarla cuando quieras en /settings."
        )
    return (
        f"{_LEAD['en']}\n\n<b>Which time zone are you in?</b> Tap one, or type its name (for example "
        f"<code>{example}</code>). Not sure? Tap <b>Use {esc(default_city)} for now</b>: you can change it any "
        "time in /settings."
    )


def setup_again_time(language: str) -> str:
    """The check-in time question again (the zone was answered before the crisis)."""
    if language == "es":
        return (
            f"{_LEAD['es']}\n\n<b>¿A qué hora quieres tu registro diario?</b> Toca una hora, o escríbela "
            "(por ejemplo <code>19:30</code>)."
        )
    return (
        f"{_LEAD['en']}\n\n<b>When would you like your daily check-in?</b> Tap a time, or type one (for example "
        "<code>7:30 pm</code>)."
    )
