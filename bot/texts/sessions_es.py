"""Session reminders and RSVPs in Spanish (the English originals: sessions.py).

Reminders show on lock screens: "cita" (appointment), never the program, treatment or clinic. Days and
months are spelled here rather than by the system locale, which a server may not have.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.texts.base import esc

_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
RSVP_LABELS_ES = {"y": "Ahí estaré", "l": "Voy tarde", "n": "No puedo ir"}
RSVP_THANKS_ES = "Gracias, anotado."
RSVP_ASK_REASON_ES = "Gracias por avisar. ¿Quieres contarle a tu consejero o consejera por qué? Escribe unas palabras, o /cancelar para omitirlo."
RSVP_REASON_SAVED_ES = "Gracias. Se lo pasé a tu consejero o consejera."
RSVP_STALE_ES = "Esa cita ya pasó o cambió."


def when_es(at: datetime, today: date | None) -> str:
    """ "hoy a las 18:00", "mañana a las 18:00" or "el miércoles 25 de noviembre a las 18:00"."""
    days = (at.date() - today).days if today else 99
    day = (
        "hoy"
        if days == 0
        else "mañana"
        if days == 1
        else f"el {_DAYS[at.weekday()]} {at.day} de {_MONTHS[at.month - 1]}"
    )
    return f"{day} a las {at:%H:%M}"


def reminder_es(at: datetime, today: date) -> str:
    """The reminder itself: discreet on purpose."""
    return f"Recordatorio: tu cita {when_es(at, today)}. ¿Vas a poder ir?"


def reminder_answered_es(at: datetime, today: date, answer: str) -> str:
    """A nearer reminder after the patient answered an earlier one (newcomer16 N129): no question again."""
    return f"Recordatorio: tu cita {when_es(at, today)}. Respondiste: <b>{esc(RSVP_LABELS_ES[answer])}</b>. Nos vemos."


def rsvp_recorded_es(text: str, answer: str) -> str:
    """The reminder after the patient answered (they can still change it)."""
    return f"{text}\n\nRespondiste: <b>{esc(RSVP_LABELS_ES[answer])}</b>"


def cancelled_notice_es(at: datetime, today: date | None) -> str:
    """A session the patient expected will not happen."""
    return (
        f"Cambio de planes: tu cita {when_es(at, today)} se canceló. Si tienes preguntas, puedes escribirle a "
        "tu consejero o consejera con /mensaje."
    )


def series_cancelled_notice_es(ats: Sequence[datetime], today: date | None) -> str:
    """A whole series cancelled, in one notice (series_cancelled_notice in English)."""
    dates = [when_es(at, today) for at in ats]
    listed = ", ".join(dates[:-1]) + f" y {dates[-1]}" if len(dates) > 1 else dates[0]
    return (
        f"Cambio de planes: esta cita se canceló de aquí en adelante (las próximas eran {listed}), así que "
        "ya no habrá recordatorios de ella. Si tienes preguntas, puedes escribirle a tu consejero o "
        "consejera con /mensaje."
    )


def rsvp_typed_es(when_text: str, answer: str, counselor: str, told: bool, *, cover: str = "") -> str:
    """A reminder answered in words (newcomer7 N16): what was recorded, who was told, and how to change it."""
    what = {
        "y": f"vas a ir a tu cita {when_text}",
        "l": f"vas tarde a tu cita {when_text}",
        "n": f"no puedes ir a tu cita {when_text}",
    }[answer]
    who, covering = (esc(counselor) if counselor else "tu consejero o consejera"), ""
    if cover:  # their counselor away: the cover has it too (newcomer20 N196 addendum)
        who, covering = esc(cover), f": cubre a {who} mientras no está"
    if answer == "y":
        passed = ""
    elif told:
        passed = f" Ya le avisé a {who}, con tu mensaje{covering}."
    else:
        passed = f" No pude avisarle a {who} en este momento: lo verá, con tu mensaje, cuando vuelva a abrir el bot."
    return f"Anotado: {what}.{passed} Si no es lo que querías decir, toca la respuesta correcta abajo."
