"""The patient's side of the thread with their counselor, in Spanish (the English originals: messages.py).

When to expect an answer comes from the program's settings (``reply_within_es``, ``working_hours_es``; empty,
the shipped defaults in Spanish, or the program's own English words as given: ``reply_expectation``).
"""

from __future__ import annotations

from datetime import date

from bot.texts.base import esc

BTN_SEND_UNSENT_ES = "Enviar a mi consejero/a"
BTN_DROP_UNSENT_ES = "No enviar"
UNSENT_GONE_ES = "Esas palabras ya no se guardan aquí (se enviaron, se borraron o tienen más de un día)."
UNSENT_STILL_KEPT_ES = "Tus palabras siguen guardadas, junto con lo que escribiste después. Elige abajo."
MESSAGE_TYPED_ONLY_ES = (
    "Solo puedo leer mensajes escritos, para que cada uno se revise por tu seguridad. "
    "Por favor, escríbelo. Si necesitas ayuda ahora, usa /sos."
)
EDIT_NOT_READ_ES = (
    "Vi que editaste un mensaje, pero no puedo leer ediciones: guardé lo que enviaste primero. Si querías "
    "cambiar una respuesta del registro, pon la correcta en la nota del final, o usa /cancelar y empieza el "
    "registro otra vez. Cualquier otra cosa: envíala como un mensaje nuevo."
)
MESSAGE_NO_COUNSELOR_ES = (
    "No puedo pasar mensajes en este momento: todavía no hay nadie de tu equipo de atención conectado a este chat. "
    "Si necesitas ayuda ahora, usa /sos."
)


# The shipped English defaults of [counselor] reply_within / working_hours, in Spanish (texts review: a Spanish
# patient read "suele responder en: a working day (Monday to Friday, 9 AM to 5 PM)").
SHIPPED_EXPECTATION_ES = {
    "a working day": "un día hábil",
    "Monday to Friday, 9 AM to 5 PM": "de lunes a viernes, de 9 a. m. a 5 p. m.",
}


def reply_expectation(
    language: str, reply_within: str, hours: str, reply_within_es: str = "", hours_es: str = ""
) -> tuple[str, str]:
    """When to expect an answer, as a patient in ``language`` reads it: the program's Spanish when set, the
    shipped Spanish of a shipped default, else the program's own words as given."""
    if language != "es":
        return reply_within, hours
    return (
        reply_within_es or SHIPPED_EXPECTATION_ES.get(reply_within, reply_within),
        hours_es or SHIPPED_EXPECTATION_ES.get(hours, hours),
    )


def _expect_es(counselor: str, reply_within: str, hours: str) -> str:
    if not reply_within:
        return "Para ayuda urgente, usa /sos."
    when = f" ({esc(hours)})" if hours else ""
    return f"{esc(counselor)} suele responder en: {esc(reply_within)}{when}. Para ayuda urgente, usa /sos."


def message_ask_es(counselor: str, reply_within: str, hours: str) -> str:
    """After /message or "Reply": what to type, and when to expect an answer."""
    return (
        f"Escribe tu mensaje para <b>{esc(counselor)}</b> y se lo paso.\n"
        f"{_expect_es(counselor, reply_within, hours)}\n/cancelar para dejarlo."
    )


_DAYS_ES = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
_MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


def counselor_away_line_es(counselor: str, until: date, cover: str) -> str:
    """Above "Escribe tu mensaje para <cover>" while the patient's counselor is away (newcomer18 N151)."""
    day = f"{_DAYS_ES[until.weekday()]} {until.day} {_MONTHS_ES[until.month - 1]}"
    return f"{esc(counselor)} está fuera hasta el {day}; mientras tanto te atiende {esc(cover)}."


def counselor_away_nobody_es(counselor: str, until: date) -> str:
    """Above "Escribe tu mensaje para <counselor>" while they are away and nobody stands in (newcomer20 N212)."""
    day = f"{_DAYS_ES[until.weekday()]} {until.day} {_MONTHS_ES[until.month - 1]}"
    return (
        f"{esc(counselor)} está fuera hasta el {day} y nadie le cubre: leerá tu mensaje cuando vuelva. Si no "
        "puede esperar, toca 🆘 SOS."
    )


def message_passed_es(counselor: str, reply_within: str, hours: str) -> str:
    """The patient's message reached their counselor."""
    return f"Enviado a {esc(counselor)}. {_expect_es(counselor, reply_within, hours)}"


def reply_passed_es(counselor: str) -> str:
    """Free text just after the counselor wrote went to them as the answer."""
    return f"Enviado a {esc(counselor)}, como respuesta a su mensaje. Para ayuda urgente, usa /sos."


def message_kept_es(counselor: str) -> str:
    """Stored, but Telegram would not deliver it now: the patient must not think it arrived."""
    return (
        f"Guardé tu mensaje, pero no pude entregárselo a {esc(counselor)} en este momento. "
        "Lo verá en tu página. Si es urgente, por favor usa /sos."
    )


def note_passed_es(counselor: str, reply_within: str, hours: str) -> str:
    """A check-in note that asks for someone to reach them: passed to the counselor now."""
    return (
        f"Tu nota pide que alguien se comunique contigo, así que se la envié a {esc(counselor)} ahora como "
        f"mensaje (también queda con tu registro de hoy). {_expect_es(counselor, reply_within, hours)}"
    )


def patient_message_too_long_es(length: int, limit: int) -> str:
    """A patient's message that Telegram would refuse to pass on whole."""
    return f"Son {length} caracteres; un mensaje admite {limit}. Por favor, envíalo en partes más cortas (o /cancelar)."


HURTING_ES = (
    "Siento que estés pasando un momento difícil. Aquí estoy. Si puedes, cuéntame en pocas palabras qué está "
    "pasando.\n\n"
)


def unsent_offer_es(
    counselor: str, count: int, hours: int, *, hurting: bool = False, covering: str = ""
) -> str:
    """Text typed outside any question: nobody has it yet; the patient chooses, and knows what happens."""
    what, it = ("eso", "lo") if count == 1 else (f"tus últimos {count} mensajes", "los")
    return (
        (HURTING_ES if hurting else "")
        + f"Guardé {what}, pero no se {it} pasé a nadie. ¿Se {it} envío a {esc(counselor)}"
        + (f", que cubre a {esc(covering)}" if covering else "")  # newcomer20 N192
        + "?\n"
        f"Si no eliges, no se envía nada y {it} borro en {hours} horas.\n"
        "Para contarme cómo estás, usa /checkin. Si necesitas ayuda ahora, usa /sos."
    )


def unsent_dropped_es(count: int) -> str:
    """ "Don't send": nothing went anywhere, and the words are gone."""
    it = "lo" if count == 1 else "los"
    return f"Bien, no {it} envié y {it} borré."
