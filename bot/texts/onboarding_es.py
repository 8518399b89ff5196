"""Enrollment, consent, set-up and everyday answers in Spanish (the English originals: onboarding.py).

Neutral Latin-American Spanish, "tú", without gendered endings where the patient's gender is unknown.
The meaning follows the reviewed English sentence by sentence: nothing promised that the English does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from bot.texts.base import bullet_lines, esc

BTN_AGREE_ES = "Acepto"
BTN_NOT_NOW_ES = "Ahora no"
BTN_OTHER_ZONE_ES = "Otra (escríbela)"

STRANGER_ES = (
    "¡Hola! Soy un acompañante privado para personas en un programa de tratamiento.\n\n"
    "Para empezar, necesitas un código de inscripción personal de tu consejero o consejera. "
    "Cuando lo tengas, envíalo aquí (por ejemplo <code>K7QM3XPA</code>), "
    "o toca el enlace que te dio tu consejero o consejera."
)
CODE_UNKNOWN_ES = (
    "No encontré ese código. Revísalo e inténtalo de nuevo, o pídele uno nuevo a tu consejero o consejera."
)
CODE_CONFUSABLE_ES = "Los códigos nunca llevan 0, O, 1, I ni L: revisa esos caracteres en tu código."
CODE_EXPIRED_ES = "Ese código ya venció. Por favor, pídele uno nuevo a tu consejero o consejera."
CODE_USED_ES = (
    "Ese código ya se usó. Si crees que es un error, por favor pregúntale a tu consejero o consejera."
)
CONSENT_TAP_BELOW_ES = (
    "Para aceptar, toca <b>Acepto</b> aquí abajo; el mensaje de bienvenida de arriba dice a qué aceptas. "
    "¿Todavía no? Toca <b>Ahora no</b>: no se guarda nada sobre ti."
)
CONSENT_TAP_ES = (
    "Para aceptar, toca <b>Acepto</b> debajo del mensaje de bienvenida de arriba. "
    "¿Aún no enviaste tu código? Envíalo aquí primero."
)


def code_wait_es(minutes: int) -> str:
    """Too many wrong enrollment codes: when to try again."""
    return f"Demasiados intentos por ahora. Espera unos {minutes} minutos y vuelve a intentarlo."


def consent_es(program: str, crisis_lines: Sequence[str], counselor: str = "") -> str:
    """What the patient agrees to before anything about them is stored (``counselor``: the invitation's)."""
    who = f"Tu consejero o consejera, {esc(counselor)}," if counselor else "Tu consejero o consejera"
    return (
        f"Te damos la bienvenida a <b>{esc(program)}</b>.\n\n"
        "Antes de empezar, esto es lo que este chat es y lo que no es:\n"
        "• Te haré preguntas diarias breves (ánimo, ansias, sueño…), te recordaré tus sesiones "
        "y te ofreceré habilidades para afrontar los momentos difíciles.\n"
        f"• <b>{who} lee tus registros diarios y tu plan de seguridad</b>, y los mensajes que "
        "le envíes por aquí (/mensaje); cuando esté fuera, también los lee quien le cubra.\n"
        "• Si escribes palabras de crisis o dices que no estás a salvo, tu consejero o consejera las ve, y "
        "también lo que escribas después durante las 2 horas siguientes; si no responde a tiempo, también las "
        "ven el consejero o consejera de guardia y la administración del programa.\n"
        "• Telegram guarda los chats con bots en sus servidores; <b>no tienen cifrado de extremo "
        "a extremo</b>.\n"
        "• <b>No soy un servicio de emergencias</b> y nadie vigila este chat las 24 horas. "
        "Si estás en peligro o piensas en hacerte daño:\n"
        f"{bullet_lines(crisis_lines)}\n\n"
        "Puedes dejarlo cuando quieras con /stop. Después de eso no se guarda nada nuevo, con una "
        "excepción: si escribes palabras de crisis, igual recibes esta ayuda y se les avisa a "
        "esas mismas personas que lo hiciste (no lo que escribiste).\n\n¿Aceptas continuar?"
    )


CONSENT_DECLINED_ES = (
    "Está bien. No se guardó nada sobre ti. Si cambias de opinión, envía tu código otra vez cuando quieras."
)
CONSENT_STALE_ES = (
    "Esta invitación ya no es válida. Por favor, pídele un código nuevo a tu consejero o consejera."
)


def ask_timezone_es(zones: Sequence[str]) -> str:
    """First set-up question after consent."""
    return (
        "Gracias, tu inscripción está lista. Dos preguntas rápidas para escribirte a la hora correcta.\n\n"
        "<b>¿En qué zona horaria estás?</b> Toca una, o escribe el nombre de tu ciudad "
        f"(por ejemplo <code>{esc(zones[0] if zones else 'America/Mexico_City')}</code>)."
    )


ASK_TIMEZONE_TYPED_ES = (
    "Escribe tu zona horaria o una ciudad cercana, por ejemplo <code>Ciudad de México</code>, "
    "<code>Chicago</code> o <code>America/Bogota</code>."
)
TIMEZONE_NOT_FOUND_ES = (
    "No reconozco ese lugar o zona horaria. Escribe una ciudad cercana (por ejemplo <code>Chicago</code>, "
    "<code>Los Angeles</code> o <code>Madrid</code>), o toca un botón."
)


def timezone_not_found_es(default_city: str) -> str:
    """The time-zone question again after an answer it could not read, with a way on."""
    return (
        f"{TIMEZONE_NOT_FOUND_ES}\n\n¿Tienes dudas? Toca <b>Usar {esc(default_city)} por ahora</b>: "
        "puedes cambiarla cuando quieras en /settings."
    )


def btn_default_zone_es(default_city: str) -> str:
    """The way out of the time-zone question."""
    return f"Usar {default_city} por ahora"


def timezone_suggestions_es(typed: str) -> str:
    """A near miss: the closest zones as buttons."""
    return (
        f"No reconozco <b>{esc(typed[:64])}</b> como lugar o zona horaria. ¿Quisiste decir una de estas? "
        "Tócala, o escribe una ciudad cercana."
    )


def ask_checkin_time_es(zone: str) -> str:
    """Second set-up question."""
    return (
        f"Listo: {esc(zone)}.\n\n<b>¿A qué hora quieres tu registro diario?</b> "
        "Toca una hora, o escríbela (por ejemplo <code>19:30</code>)."
    )


TIME_UNKNOWN_ES = "No entendí esa hora. Escríbela así: <code>19:30</code> o <code>7:30 pm</code>."


def setup_done_es(at: time, zone: str) -> str:
    """The end of onboarding."""
    return (
        f"Todo listo. Te escribiré todos los días a las <b>{at:%H:%M}</b> ({esc(zone)}).\n\n"
        "Cuando quieras puedes usar:\n"
        "/checkin: cuéntame cómo estás\n"
        "/sos: ayuda en este momento\n"
        "/help: todo lo que puedo hacer\n"
        "/idioma: cambiar el idioma (English / Español)"
    )


def checkin_in_quiet_hours_es(at: time, quiet: tuple[time, time]) -> str:
    """The check-in time falls inside quiet hours."""
    window = f"{quiet[0]:%H:%M}–{quiet[1]:%H:%M}"
    return (
        f"Nota: las {at:%H:%M} están dentro de tus horas de silencio ({window}), así que el registro "
        "llegará sin sonido. Para cambiarlo, elige otra hora u otras horas de silencio en /settings."
    )


SOS_KEYBOARD_HINT_ES = "El botón 🆘 SOS se queda debajo de la caja de mensajes para cuando lo necesites."
WELCOME_BACK_ES = "Qué bueno verte de nuevo. Usa /checkin para contarme cómo estás, o /help para ver todo."
ALREADY_ENROLLED_ES = (
    "Esta cuenta ya está inscrita aquí, así que no usé esa invitación: nada cambió para ti, y le avisé a "
    "quien la hizo. Usa /checkin para contarme cómo estás, o /help para ver todo."
)
HELP_PATIENT_ES = (
    "Esto es lo que puedo hacer:\n"
    "/checkin o /registro: un registro diario rápido\n"
    "/message o /mensaje: escribirle a tu consejero o consejera\n"
    "/cope: una habilidad para afrontar, paso a paso\n"
    "/practice: una habilidad del día a la hora que elijas (o ninguna)\n"
    "/history: tus últimos 7 o 30 días en una gráfica\n"
    "/dayssince: contar los días desde una fecha que elijas\n"
    "/measures: los cuestionarios breves de esta semana\n"
    "/sos: líneas de crisis y ayuda en este momento\n"
    "/safetyplan: escribir o cambiar tu plan de seguridad\n"
    "/settings: cambiar tu zona horaria, la hora del registro o las horas de silencio\n"
    "/idioma: cambiar el idioma (English / Español)\n"
    "/cancel o /cancelar: dejar lo que estamos haciendo\n"
    "/mydata: una copia de todo lo que se guarda sobre ti\n"
    "/delete: borrar tus registros, notas, plan de seguridad y respuestas\n"
    "/stop: dejar de usar el bot\n"
    "/help o /comandos: esta lista\n\n"
    "No soy un servicio de emergencias. Si estás en peligro, usa /sos o llama a tu número local de emergencias."
)
CANCELLED_ES = "Bien, lo dejamos. No hay nada más pendiente."
NOTHING_TO_CANCEL_ES = "No hay nada que cancelar en este momento."
PATIENT_FALLBACK_ES = (
    "Aquí estoy. Usa /checkin para contarme cómo estás, /sos si necesitas ayuda ahora, o /help."
)
SAVE_FAILED_ES = (
    "Perdón, no pude guardar eso ahora. No perdiste nada: por favor, inténtalo de nuevo en un minuto."
)
SAVE_FAILED_TOLD_ES = (
    "Perdón, no pude guardar eso ahora (un problema de mi lado), así que le avisé a tu equipo de atención para "
    "que alguien se comunique contigo directamente. Si necesitas ayuda ahora, usa /sos: ahí están las líneas "
    "de crisis de donde estás."
)
STALE_BUTTON_ES = "Ese botón ya no está vigente."
SOMETHING_WENT_WRONG_ES = "Perdón, algo falló de mi lado. Por favor, inténtalo de nuevo en un momento."
SLOW_DOWN_ES = (
    "Son muchos mensajes a la vez. Me pongo al día en unos segundos; si necesitas ayuda ahora, usa /sos."
)
SETUP_FIRST_ES = "Primero terminemos de configurar."


def did_you_mean_es(command: str) -> str:
    """Spanish counterpart of did_you_mean."""
    return f"¿Quisiste decir /{esc(command)}? Tócalo para empezar.\n\n"
