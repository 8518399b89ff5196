"""/history and /dayssince in Spanish (the English originals and the wording principles: history.py).

Descriptive, never a grade: a lower mood is a fact, a broken streak a fresh start, a moved date welcome.
Months are spelled here rather than by the system locale, which a server may not have.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.domain.progress import Trend

_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
_SHORT = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")

HISTORY_NOT_ENROLLED_ES = (
    "Tu historial es para personas inscritas en el programa. Si necesitas ayuda ahora, usa /sos."
)
HISTORY_EMPTY_ES = (
    "Todavía no hay nada que graficar: tu historial empieza con tu primer registro. "
    "Envía /checkin cuando quieras, y tu gráfica irá creciendo desde ahí."
)
BTN_HISTORY_ES: dict[int, str] = {7: "7 días", 30: "30 días"}
HISTORY_GAP_LABEL_ES = "sin registro"
_ITEM_NAMES_ES = {"mood": "Ánimo", "craving": "Ansias"}
_TREND_WORDS_ES: dict[Trend, str] = {
    "up": "más alto que",
    "down": "más bajo que",
    "flat": "más o menos igual que",
}
# The chart image: plain text drawn into a picture, not HTML.
CHART_CHECKIN_ES = "registro"
CHART_EMPTY_ES = "Todavía no hay registros"
_SERIES_ES = {"mood": "Ánimo", "craving": "Ansias", "sleep": "Sueño"}


def history_none_in_es(days: int) -> str:
    """No check-ins in this period, but some before it."""
    return (
        f"No hay registros en los últimos {days} días, y está bien. "
        "Cuando quieras, /checkin retoma desde donde estás."
    )


def history_title_es(days: int) -> str:
    """The title drawn on the chart image."""
    return f"Tus últimos {days} días"


def chart_series_es(key: str) -> str:
    """A check-in item's name in the chart's legend."""
    return _SERIES_ES.get(key, key.replace("_", " ").capitalize())


def chart_day_es(day: date) -> str:
    """A date under the chart's x axis ("29 nov")."""
    return f"{day.day} {_SHORT[day.month - 1]}"


def _when_es(day: date) -> str:
    return f"{day.day} de {_MONTHS[day.month - 1]} de {day.year}"


def _days_es(n: int) -> str:
    return "1 día" if n == 1 else f"{n} días"


def history_period_line_es(days: int, checkin_days: int) -> str:
    """The caption's first line: the period and how many days had a check-in."""
    return f"<b>Tus últimos {days} días</b>: registros en {checkin_days} de {days} días"


def history_average_line_es(item: str, average: float | None, trend: Trend, days: int) -> str:
    """One item's average over the period, and how it compares with the period before."""
    if average is None:
        return ""
    name = _ITEM_NAMES_ES.get(item, item.capitalize())
    compared = _TREND_WORDS_ES.get(trend)
    tail = f" ({compared} los {days} días anteriores)" if compared else ""
    # Spanish writes the decimal with a comma: "3,0", not "3.0" (newcomer9 N44).
    number = f"{average:.1f}".replace(".", ",")
    return f"{name}: {number}/10 en promedio{tail}"


def history_streak_line_es(streak: int) -> str:
    """The check-in streak; none yet is a start waiting to happen."""
    if streak == 0:
        return "Racha: tu próximo registro empieza una nueva"
    return f"Racha: {_days_es(streak)} {'seguido' if streak == 1 else 'seguidos'}"


def days_since_line_es(count: int, start: date) -> str:
    """The patient's own counter."""
    if count == 0:
        return f"🌱 Hoy es el día uno (contando desde el {_when_es(start)})"
    return f"🌱 {_days_es(count)} desde el {_when_es(start)}"


DAYS_SINCE_ASK_ES = (
    "Puedes llevar una cuenta de los días desde una fecha importante para ti: cualquier fecha, por "
    "cualquier motivo. Aparece aquí y debajo de tu gráfica de /history, y solo tú la ves.\n\n"
    "¿Desde qué fecha cuento? Por ejemplo <code>2026-03-01</code>, <code>1 de marzo</code>, "
    "<code>hace dos semanas</code> u <code>hoy</code>. O /cancelar."
)
DAYS_SINCE_OFF_ES = "Bien, apagué la cuenta. Puedes empezar otra cuando quieras con /dayssince."
DAYS_SINCE_WAS_OFF_ES = "No hay ninguna cuenta que apagar. Envía /dayssince si quieres empezar una."
DAYS_SINCE_HOW_TO_CHANGE_ES = (
    "Para contar desde otra fecha, envía /dayssince con ella (como <code>/dayssince hoy</code>); "
    "<code>/dayssince apagar</code> detiene la cuenta."
)
_PROBLEMS_ES = {
    "unreadable": "No pude leer eso como una fecha, perdón.",
    "future": "Esa fecha todavía no llega. La cuenta necesita un día de hoy o de antes.",
    "too_old": "Eso es muchísimo tiempo atrás. ¿Puedes revisar el año?",
}
_EXAMPLES_ES = (
    "¿Lo intentas otra vez, como <code>2026-03-01</code>, <code>1 de marzo</code> u <code>hoy</code>? "
    "O /cancelar."
)


def days_since_reask_es(problem: str) -> str:
    """A kind re-ask for a date that could not be used, saying what was wrong."""
    return f"{_PROBLEMS_ES.get(problem, _PROBLEMS_ES['unreadable'])} {_EXAMPLES_ES}"


def days_since_show_es(count: int, start: date) -> str:
    """The counter as it stands, with how to change or stop it."""
    return f"{days_since_line_es(count, start)}\n\n{DAYS_SINCE_HOW_TO_CHANGE_ES}"


def days_since_saved_es(count: int, start: date, restarted: bool) -> str:
    """The counter after it was set or changed; a change is taken as it is, never read as a relapse."""
    opener = "Listo, cuento desde la nueva fecha." if restarted else "Listo, llevo la cuenta por ti."
    return f"{opener}\n\n{days_since_line_es(count, start)}\n\nTambién la verás debajo de tu gráfica de /history."
