"""The patient's own progress view: chart periods and typed "days since" dates (the caption is in texts).

Pure: no Telegram, no store. The numbers come from bot/domain/progress.py, the wording from bot/texts/history.py.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from bot.domain.checkins import Entry
from bot.domain.progress import days_since, window

PERIODS = (7, 30)  # the chart buttons; 7 first because that is what /history opens with
DEFAULT_PERIOD = 7
OLDEST_YEAR = 1900  # anything earlier is a typo ("0203-03-03"), not a real date worth counting from
# Words that turn the counter off, typed after /dayssince or as an answer to its question.
OFF_WORDS = frozenset(
    {"off", "clear", "remove", "none", "stop", "apagar", "apagada", "borrar", "quitar", "ninguna", "parar"}
)

DateProblem = Literal["unreadable", "future", "too_old"]

_MONTHS = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_SPANISH_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
for _n, _name in enumerate(_SPANISH_MONTHS.split(), start=1):
    _MONTHS.setdefault(_name, _n)
    _MONTHS.setdefault(_name[:3], _n)  # "ene", "abr", "ago", "dic" (the rest are the English ones)
_MONTHS.update({"setiembre": 9, "set": 9, "sept": 9})
_TODAY = frozenset({"today", "hoy"})
_YESTERDAY = frozenset({"yesterday", "ayer"})
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?(?:\s+(\d{4}))?")
# How long ago, in either language ("two weeks ago", "hace dos semanas"; newcomer9 N44): accents are gone by now.
_COUNTS = {"a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1}
_EN = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_ES = ("dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce")
for _words in (_EN, _ES):
    _COUNTS.update({word: n for n, word in enumerate(_words, start=2)})
_UNITS = {
    "day": "d",
    "dia": "d",
    "week": "w",
    "semana": "w",
    "month": "m",
    "mes": "m",
    "year": "y",
    "ano": "y",
}
# A weekday ("last monday", "monday", "el lunes pasado"; newcomer14 N111: "since last monday" was unreadable).
_WEEKDAYS = {
    name: n
    for names in (
        "monday tuesday wednesday thursday friday saturday sunday",
        "lunes martes miercoles jueves viernes sabado domingo",
    )
    for n, name in enumerate(names.split())
}
_WEEKDAY = re.compile(r"(last |past )?([a-z]+)( pasado)?")
_AGO = re.compile(r"([a-z]+|\d{1,4}) (days?|weeks?|months?|years?) ago")
_HACE = re.compile(r"hace ([a-z]+|\d{1,4}) (dias?|semanas?|mes|meses|anos?)")


def period(raw: str) -> int:
    """A chart period from button data; anything unexpected falls back to the default week."""
    return int(raw) if raw.isdigit() and int(raw) in PERIODS else DEFAULT_PERIOD


def other_period(days: int) -> int:
    """The period the chart's button offers: the one not on screen."""
    return next(p for p in PERIODS if p != days)


def has_checkins_in(entries: Sequence[Entry], *, today: date, days: int) -> bool:
    """True when at least one check-in falls in the last `days` local days."""
    return bool(window(entries, today=today, days=days))


def is_off(text: str) -> bool:
    """True when the patient asks to stop counting ("off", "clear", ...)."""
    return _plain(text).rstrip(".!") in OFF_WORDS


def parse_date(text: str, today: date) -> date | DateProblem:
    """A typed date ("2026-03-01", "March 1", "1 March 2026", "1 de marzo", "today", "ayer", "two weeks ago",
    "hace dos semanas") or what is wrong."""
    words = _plain(text)
    if words in _TODAY:
        return today
    if words in _YESTERDAY:
        return today - timedelta(days=1)
    found = _read(words, today)
    if found is None:
        return "unreadable"
    if found > today:
        return "future"
    return "too_old" if found.year < OLDEST_YEAR else found


def _plain(text: str) -> str:
    """Lower case, no accents, and Spanish "de"/"del" between day, month and year dropped."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    words = "".join(c for c in decomposed if not unicodedata.combining(c)).split()
    if len(words) > 1 and words[0] in (
        "since",
        "from",
        "desde",
    ):  # "desde el 1 de noviembre" (newcomer10 N37)
        words = words[1:]
    if len(words) > 1 and words[0] == "el":  # "el 1 de marzo"
        words = words[1:]
    return " ".join(w for w in words if w not in ("de", "del"))


def _ago(words: str, today: date) -> date | None:
    m = _AGO.fullmatch(words) or _HACE.fullmatch(words)
    if m is None:
        return None
    count = int(m[1]) if m[1].isdigit() else _COUNTS.get(m[1])
    unit = _UNITS.get(m[2]) or _UNITS.get(m[2].removesuffix("s")) or _UNITS.get(m[2].removesuffix("es"))
    if count is None or unit is None:
        return None
    if unit in "dw":
        return today - timedelta(days=count * (7 if unit == "w" else 1))
    months = today.year * 12 + today.month - 1 - count * (12 if unit == "y" else 1)
    year, month = divmod(months, 12)
    if year < 1:
        return date(1, 1, 1)  # far too old: said so as such, not as unreadable
    # The same day of that month, or its last day ("a month ago" on 31 December is 30 November).
    return date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def _weekday(words: str, today: date) -> date | None:
    """The latest such weekday: before today after "last"/"pasado", today itself otherwise."""
    m = _WEEKDAY.fullmatch(words)
    if m is None or m[2] not in _WEEKDAYS or (m[1] and m[3]):
        return None
    back = (today.weekday() - _WEEKDAYS[m[2]]) % 7
    return today - timedelta(days=back or (7 if m[1] or m[3] else 0))


def _read(words: str, today: date) -> date | None:
    if (ago := _ago(words, today) or _weekday(words, today)) is not None:
        return ago
    if m := _ISO.fullmatch(words):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    for pattern, month_at, day_at in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        if m := pattern.fullmatch(words):
            month = _MONTHS.get(m[month_at])
            if month is None:
                return None
            if m[3]:
                return _date(int(m[3]), month, int(m[day_at]))
            return _latest(month, int(m[day_at]), today)
    return None


def _latest(month: int, day: int, today: date) -> date | None:
    # Without a year people mean the most recent such day: "December 24" typed in March is last year.
    # Up to four years back, so "February 29" finds the last leap year.
    for year in range(today.year, today.year - 5, -1):
        found = _date(year, month, day)
        if found is not None and found <= today:
            return found
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def days_since_count(start: date | None, today: date) -> int | None:
    """Whole days counted from the patient's date, or None when they set none."""
    return days_since(start, today) if start is not None else None


def is_restart(old: date | None, new: date) -> bool:
    """True when a later date replaces an earlier one (said plainly: it may be a typo fixed or a new goal)."""
    return old is not None and new > old
