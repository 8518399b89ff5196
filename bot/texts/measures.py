"""Weekly measures (PHQ-9, GAD-7): the push, one item per screen, results and trends."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.texts.base import esc

# Sent unprompted, so it shows on the lock screen: no questionnaire names, no clinical words.
BTN_MEASURES_START = "Start"
BTN_MEASURES_STOP = "Stop for now"
BTN_MEASURES_CARRY_ON = "Carry on"
BTN_MEASURES_STOP_HERE = "Stop here"

MEASURES_OFF = "Weekly questions aren't part of your program right now."
MEASURES_INTRO = (
    "A few questions about the last two weeks, one at a time. Tap the answer that fits best; "
    "there are no right or wrong answers. You can stop any time."
)
MEASURES_RESUMING = "Picking up where you left off."
MEASURES_STALE = "These questions are closed. Send /measures to start again."
MEASURES_ALREADY = "Got that already."
MEASURES_STOPPED = (
    "Okay, we'll stop here. What you finished is saved; send /measures whenever you'd like to do the rest."
)
MEASURES_AFTER_SAFETY = (
    "Thank you for answering that honestly. When you feel ready, you can carry on with the rest "
    "of the questions, or stop here. Either is fine."
)
MEASURES_NO_RESULTS = "No weekly questions answered yet."


def measures_push(minutes: int) -> str:
    """The weekly push; discreet on a lock screen."""
    return f"Your weekly questions are ready — about {minutes} minute{'s' if minutes != 1 else ''}."


def measures_question(title: str, number: int, count: int, stem: str, item: str) -> str:
    """One item on its own screen: the shared stem, then the item."""
    return f"<b>{esc(title)}</b> · {number}/{count}\n{esc(stem)}\n\n<b>{esc(item)}</b>"


# A typed answer the bot could not read at an item that is not the safety item.
MEASURES_TYPED_HINT = "I couldn't read that as an answer. Tap one below, or type 0, 1, 2 or 3."


def measures_typed_alert(title: str, number: int, item: str, typed: str) -> str:
    """What the counselor sees behind "Show message" when the safety item was answered in words."""
    return f"{title} item {number}: “{item}” — answered in their own words: “{typed}”."


def measures_answered(title: str, number: int, item: str, label: str) -> str:
    """An item as it stays in the chat once answered."""
    return f"<b>{esc(title)}</b> · {number}\n{esc(item)}\n→ <b>{esc(label)}</b>"


def measures_alert(title: str, number: int, item: str, label: str) -> str:
    """What the counselor sees behind "Show message" for a safety answer."""
    return f"{title} item {number}: “{item}” — answered “{label}”."


def _change(delta: int | None) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return " That's the same as last time."
    points = "point" if abs(delta) == 1 else "points"
    return f" That's {abs(delta)} {points} {'lower' if delta < 0 else 'higher'} than last time."


def measures_result(title: str, total: int, max_total: int, band: str, delta: int | None) -> str:
    """One finished questionnaire in plain words."""
    return (
        f"<b>{esc(title)}</b>: your answers add up to <b>{total}</b> out of {max_total}, "
        f"which is in the <b>{esc(band)}</b> range.{_change(delta)}"
    )


def measures_done(results: Sequence[str]) -> str:
    """The closing screen: every questionnaire finished in this sitting."""
    body = "\n\n".join(results) if results else MEASURES_NO_RESULTS
    return (
        f"Thank you for taking the time.\n\n{body}\n\n"
        "These numbers are a snapshot of the last two weeks, not a verdict on you. Your counselor "
        "sees them too and can talk them through with you. If anything feels heavy, /sos is there any time."
    )


def measures_trend(title: str, totals: Sequence[int], band: str) -> str:
    """A patient's trend for one questionnaire, oldest to newest (for /history)."""
    series = " → ".join(str(t) for t in totals)
    return f"{esc(title)}: {series} (now {esc(band)})"


def measures_counselor_line(
    title: str, total: int, band: str, on: date, delta: int | None, significant: bool, safety: int | None
) -> str:
    """One instrument's latest score on the patient page: date, total, band, change."""
    moved = (
        ""
        if delta is None
        else f", {delta:+d} since the previous one" + (" (a significant change)" if significant else "")
    )
    flag = f"\n   ⚠ item {safety} answered above “not at all”" if safety else ""
    return f"{esc(title)}, {on:%a} {on.day} {on:%b}: <b>{total}</b> ({esc(band)}){moved}{flag}"


def measures_block(lines: Sequence[str]) -> str:
    """The measures section of the patient page."""
    return "<b>Weekly measures</b>\n" + "\n".join(lines)
