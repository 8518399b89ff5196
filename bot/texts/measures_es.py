"""Weekly questionnaires in Spanish: everything around the questions (the English originals: measures.py).

The questions, their answer buttons and stems are the program's ``instruments.toml``: a clinical instrument
is only used in a published, validated translation ([instrument.es] there), never one made up here. One a
program added without its Spanish words is shown in English, and the patient is told so at the start.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import esc

# Sent unprompted, so it shows on the lock screen: no questionnaire names, no clinical words.
BTN_MEASURES_START_ES = "Empezar"
BTN_MEASURES_STOP_ES = "Parar por ahora"
BTN_MEASURES_CARRY_ON_ES = "Seguir"
BTN_MEASURES_STOP_HERE_ES = "Parar aquí"

MEASURES_OFF_ES = "Las preguntas semanales no son parte de tu programa por ahora."
MEASURES_INTRO_ES = (
    "Unas preguntas sobre las últimas dos semanas, una a la vez. Toca la respuesta que mejor te "
    "describa; no hay respuestas buenas ni malas. Puedes parar cuando quieras."
)
# After the intro when a questionnaire of the sitting has no Spanish words in instruments.toml.
MEASURES_IN_ENGLISH_ES = (
    "Algunas de estas preguntas y sus respuestas están en inglés: usamos solo versiones en español "
    "validadas, y esa todavía no está aquí. Si alguna no se entiende, puedes preguntarle a tu consejero o "
    "consejera."
)
MEASURES_RESUMING_ES = "Sigamos donde nos quedamos."
MEASURES_STALE_ES = "Estas preguntas ya se cerraron. Envía /measures para empezar de nuevo."
MEASURES_ALREADY_ES = "Eso ya lo tengo."
MEASURES_STOPPED_ES = (
    "Bien, lo dejamos aquí. Lo que terminaste está guardado; envía /measures cuando quieras hacer el resto."
)
MEASURES_AFTER_SAFETY_ES = (
    "Gracias por responder eso con sinceridad. Cuando te sientas con ánimo, puedes seguir con el resto "
    "de las preguntas, o parar aquí. Las dos cosas están bien."
)
MEASURES_NO_RESULTS_ES = "Todavía no has respondido preguntas semanales."
# The severity bands as the instrument names them, in plain Spanish; any other band shows as given.
_BANDS_ES = {
    "minimal": "mínimo",
    "mild": "leve",
    "moderate": "moderado",
    "moderately severe": "moderadamente grave",
    "severe": "grave",
}


def band_es(band: str) -> str:
    """A band's name in Spanish where it is one of the usual ones."""
    return _BANDS_ES.get(band.casefold(), band)


def measures_push_es(minutes: int) -> str:
    """The weekly push; discreet on a lock screen."""
    return f"Tus preguntas semanales están listas: toman unos {minutes} minuto{'s' if minutes != 1 else ''}."


def _change_es(delta: int | None) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return " Es lo mismo que la vez pasada."
    points = "punto" if abs(delta) == 1 else "puntos"
    return f" Son {abs(delta)} {points} {'menos' if delta < 0 else 'más'} que la vez pasada."


def measures_result_es(title: str, total: int, max_total: int, band: str, delta: int | None) -> str:
    """One finished questionnaire in plain words."""
    return (
        f"<b>{esc(title)}</b>: tus respuestas suman <b>{total}</b> de {max_total}, "
        f"lo que está en el rango <b>{esc(band_es(band))}</b>.{_change_es(delta)}"
    )


def measures_done_es(results: Sequence[str]) -> str:
    """The closing screen: every questionnaire finished in this sitting."""
    body = "\n\n".join(results) if results else MEASURES_NO_RESULTS_ES
    return (
        f"Gracias por tomarte el tiempo.\n\n{body}\n\n"
        "Estos números son una foto de las últimas dos semanas, no un juicio sobre ti. Tu consejero o consejera "
        "también los ve y puede hablarlos contigo. Si algo se siente pesado, /sos está ahí siempre."
    )


def measures_trend_es(title: str, totals: Sequence[int], band: str) -> str:
    """A patient's trend for one questionnaire, oldest to newest (for /history)."""
    series = " → ".join(str(t) for t in totals)
    return f"{esc(title)}: {series} (ahora {esc(band_es(band))})"


MEASURES_TYPED_HINT_ES = "No entendí esa respuesta. Toca una de las opciones, o escribe 0, 1, 2 o 3."
