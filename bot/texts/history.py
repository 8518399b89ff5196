"""/history (the patient's own chart) and /dayssince (a counter from a date they choose).

Wording principles: descriptive, never a grade. A lower mood or a higher craving is reported as a
fact, a broken streak is a fresh start, and moving the "days since" date after a lapse is welcomed.
Replies only (never pushed), but the counter still names nothing: the patient knows what it counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from bot.texts import history_es as es

if TYPE_CHECKING:
    from bot.domain.progress import Trend

# /history ------------------------------------------------------------------------------------

HISTORY_NOT_ENROLLED = "Your history is for people enrolled in the program. If you need help now, use /sos."
HISTORY_EMPTY = (
    "There's nothing to chart yet: your history starts with your first check-in. "
    "Send /checkin whenever you're ready, and your chart will grow from there."
)
BTN_HISTORY: dict[int, str] = {7: "7 days", 30: "30 days"}
# The chart's legend for days without a check-in: a plain fact, not "missed" (the counselor's word).
HISTORY_GAP_LABEL = "no check-in"
_ITEM_NAMES = {"mood": "Mood", "craving": "Craving"}
_TREND_WORDS: dict[Trend, str] = {"up": "higher than", "down": "lower than", "flat": "about the same as"}


def history_none_in(days: int) -> str:
    """No check-ins in this period, but some before it: no chart of empty days, and no blame."""
    return (
        f"No check-ins in the last {days} days, and that's okay. "
        "Whenever you're ready, /checkin picks things up again."
    )


def history_title(days: int) -> str:
    """The title drawn on the chart image."""
    return f"Your last {days} days"


# The chart image (bot/reports/charts.py), the patient's and the counselor's: plain text drawn into
# a picture, not HTML, so nothing here is escaped.
CHART_MISSED_DAY = "missed day"  # the counselor's legend; the patient's own chart says HISTORY_GAP_LABEL
CHART_CHECKIN = "check-in"  # the legend of the marks on days with a check-in
CHART_EMPTY = "No check-ins yet"


def chart_series(key: str) -> str:
    """A check-in item's name in the chart's legend ("used_today" -> "Used today")."""
    return key.replace("_", " ").capitalize()


def chart_day(day: date) -> str:
    """A date under the chart's x axis ("Nov 29")."""
    return f"{day:%b} {day.day}"


def _when(day: date) -> str:
    return f"{day:%b} {day.day}, {day.year}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def history_period_line(days: int, checkin_days: int) -> str:
    """The caption's first line: the period and how many days had a check-in."""
    return f"<b>Your last {days} days</b>: check-ins on {checkin_days} of {days} days"


def history_average_line(item: str, average: float | None, trend: Trend, days: int) -> str:
    """One item's average over the period, and how it compares with the period before."""
    name = _ITEM_NAMES.get(item, item.capitalize())
    if average is None:
        return ""
    compared = _TREND_WORDS.get(trend)
    tail = f" ({compared} the {days} days before)" if compared else ""
    return f"{name}: {average:.1f}/10 on average{tail}"


def history_streak_line(streak: int) -> str:
    """The check-in streak; none yet is a start waiting to happen, not a failure."""
    if streak == 0:
        return "Streak: your next check-in starts a new one"
    return f"Streak: {_plural(streak, 'day')} in a row"


def days_since_line(count: int, start: date) -> str:
    """The patient's own counter, in the caption and when they ask for it."""
    if count == 0:
        return f"🌱 Day one today (counting from {_when(start)})"
    return f"🌱 {_plural(count, 'day')} since {_when(start)}"


# /dayssince ----------------------------------------------------------------------------------

DAYS_SINCE_ASK = (
    "You can keep a counter of days since a date that matters to you: any date, for any reason. "
    "It shows here and under your /history chart, and only you see it.\n\n"
    "What date should I count from? For example <code>2026-03-01</code>, <code>March 1</code>, "
    "<code>two weeks ago</code> or <code>today</code>. Or /cancel."
)
DAYS_SINCE_OFF = "Okay, the counter is off. You can start one again any time with /dayssince."
DAYS_SINCE_WAS_OFF = "There's no counter to turn off. Send /dayssince if you'd like to start one."
DAYS_SINCE_HOW_TO_CHANGE = (
    "To count from another date, send /dayssince with it (like <code>/dayssince today</code>); "
    "<code>/dayssince off</code> stops the counter."
)
_PROBLEMS = {
    "unreadable": "I couldn't read that as a date, sorry.",
    "future": "That date hasn't come yet. The counter needs a day that's today or earlier.",
    "too_old": "That's a very long way back. Could you check the year?",
}
_EXAMPLES = (
    "Could you try again, like <code>2026-03-01</code>, <code>March 1</code> or <code>today</code>? "
    "Or /cancel."
)


def days_since_reask(problem: str) -> str:
    """A kind re-ask for a date that could not be used, saying what was wrong."""
    return f"{_PROBLEMS.get(problem, _PROBLEMS['unreadable'])} {_EXAMPLES}"


def days_since_show(count: int, start: date) -> str:
    """The counter as it stands, with how to change or stop it."""
    return f"{days_since_line(count, start)}\n\n{DAYS_SINCE_HOW_TO_CHANGE}"


def days_since_saved(count: int, start: date, restarted: bool) -> str:
    """The counter after it was set or changed; a change is taken as it is, never read as a relapse."""
    # A new date can mean many things (a typo fixed, a new goal): never assume a relapse.
    opener = "Done, I'll count from the new date." if restarted else "Done, I'll keep count for you."
    return f"{opener}\n\n{days_since_line(count, start)}\n\nYou'll see it under your /history chart too."


def progress_caption(
    *,
    days: int,
    checkin_days: int,
    streak: int,
    mood_average: float | None,
    mood_trend: Trend,
    craving_average: float | None,
    craving_trend: Trend,
    since: date | None = None,
    since_days: int | None = None,
    measures: Sequence[str] = (),
    language: str,
) -> str:
    """The chart's caption, one fact a line; plain values in, so new lines are one argument away."""
    spanish = language == "es"
    average = es.history_average_line_es if spanish else history_average_line
    lines = [
        (es.history_period_line_es if spanish else history_period_line)(days, checkin_days),
        average("mood", mood_average, mood_trend, days),
        average("craving", craving_average, craving_trend, days),
        (es.history_streak_line_es if spanish else history_streak_line)(streak),
    ]
    if since is not None and since_days is not None:
        lines.append((es.days_since_line_es if spanish else days_since_line)(since_days, since))
    lines.extend(measures)  # weekly questionnaire trends, already escaped
    return "\n".join(line for line in lines if line)
