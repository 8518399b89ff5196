"""The escalation reminder: one message per person and round, listing every open alert on their plate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, span, zoned
from bot.texts.crisis import alert_what
from bot.texts.reach import of_them

A_PATIENT = "a patient"


def reminder_line(
    kind: str,
    alias: str,
    at: datetime,
    minutes_open: int,
    *,
    whose: str | None = None,
    last: bool = False,
    again: int = 0,
    new: bool = False,
) -> str:
    """One open alert in the reminder: who (and whose patient, to someone on call), what, when, how long
    open; ⚠️ on its last reminder. ``new``: not yet due for a reminder, listed so the next ones fall due
    together: said as just come, never as one more "still not acknowledged, 0 min open" (newcomer12 N61)."""
    of = f" ({esc(whose)}'s patient)" if whose else ""
    said = f" ({again + 1} times)" if again else ""  # a "not safe" said again while open: one alert
    ago = "just now" if minutes_open < 1 else f"{span(minutes_open)} ago"
    open_for = f"new: came to you on its own {ago}" if new else f"{span(minutes_open)} open"
    line = f"• <b>{esc(alias)}</b>{of} {alert_what(kind)}{said}, {zoned(at)} ({open_for})"
    return line + (" ⚠️ <b>last reminder</b>" if last else "")


def reminder_group(
    lines: Sequence[str],
    *,
    last: bool = False,
    stale: Sequence[tuple[str, int]] = (),
    buttons: int | None = None,
) -> str:
    """The reminder itself, newest first; its buttons open each alert (to read it, message them) or
    acknowledge it. ``stale``: (alias, count) of open alerts past their last reminder, in one line (and
    ``buttons`` of them with a button, when not all)."""
    n = len(lines)
    head = f"🚨 <b>Still not acknowledged</b>: {n} urgent alert{'s' if n != 1 else ''} open, newest first:"
    older = [stale_line(stale, buttons)] if stale else []
    text = "\n".join(
        [head, *lines, *older, "Tap an alert to read it and reach them; Acknowledge each once you're on it."]
    )
    if last:
        text += (
            "\n⚠️ For an alert marked <b>last reminder</b> the bot will not send this alert again: it stays open "
            "on the patient's page until someone acknowledges it. The program's admins have this reminder too."
        )
    return text


def stale_line(stale: Sequence[tuple[str, int]], buttons: int | None = None) -> str:
    """(alias, count) of open alerts past their last reminder, summed up in one line of a reminder, above a
    button per patient (``buttons``: how many patients have one, when not all). Not "open them from
    /caseload" (newcomer N72): someone on call holds alerts of patients their /caseload does not list."""
    total = sum(k for _, k in stale)
    who = ", ".join(f"{esc(alias)}" + (f" ×{k}" if k > 1 else "") for alias, k in stale)
    them = "them" if total != 1 else "it"
    how = f"the buttons with the patient's name open {them} again"
    if buttons is not None and buttons < len(stale):
        how = (
            f"the buttons open those of the first {buttons} patients again; the others are on their "
            "earlier cards in this chat"
        )
    return (
        f"…and {total} older alert{'s' if total != 1 else ''} past {'their' if total != 1 else 'its'} "
        f"last reminder, still not acknowledged ({who}): {how}."
    )


def older_alerts_button(alias: str, count: int) -> str:
    """The button under a reminder that opens one patient's older open alerts again (button text: not HTML)."""
    return f"🚨 {alias}: {'older alert' if count == 1 else f'{count} older alerts'}"


def reminder_acknowledged(alias: str, kind: str, by: str, at: datetime) -> str:
    """Added to a reminder when one of its alerts is acknowledged (its buttons are gone)."""
    return f"✅ <b>{esc(alias)}</b> {alert_what(kind)}: acknowledged by {esc(by)}, {zoned(at)}."


def reminder_all_acknowledged(
    done: str, stale: Sequence[tuple[str, int]] = (), buttons: int | None = None
) -> str:
    """A reminder whose alerts are all acknowledged now; ``stale``: the older alerts it summed up, still open
    (the line stays: acknowledging one alert does not make the others handled)."""
    if (
        stale
    ):  # newcomer9 N12: "every one ... acknowledged" above "still not acknowledged" read as a contradiction
        return (
            "🚨 Reminder of urgent alerts: the alerts this reminder sent are acknowledged now, but older ones are "
            f"still open.\n{stale_line(stale, buttons)}\n{done}"
        )
    return f"🚨 Reminder of urgent alerts: every one of them is acknowledged now.\n{done}"


# An alert past its last reminder, unacknowledged: what its patient is told (texts/unanswered.py, newcomer6
# finding 32), as the staff read it.
def told_on_last_reminder(alias: str | Sequence[str] | None = None) -> str:
    """On the last reminder (of one alert, or a list of them): the staff know what the patient reads now; a list
    names the patients told (newcomer16 N128: "the patient of an alert marked last reminder" read as one whose
    word was held back, listed beside it)."""
    names = [alias] if isinstance(alias, str) else list(alias or ())
    if len(names) > 1:
        who = ", ".join(f"<b>{esc(n)}</b>" for n in names[:-1]) + f" and <b>{esc(names[-1])}</b> are"
    else:
        who = (
            f"<b>{esc(names[0])}</b> is"
            if names
            else "The patient of an alert marked <b>last reminder</b> is"
        )
    return (
        f"{who} being told now that their care team has not answered yet, with the crisis lines again (if that "
        "cannot reach them, you will hear so); they are told when someone acknowledges it."
    )


def patient_told_note(alias: str, at: datetime) -> str:
    """On the alert's card: the patient was told nobody had answered."""
    return f"{esc(alias)} was told {zoned(at)} that their care team had not answered yet"


def patient_held_note(alias: str, what: str, at: datetime, by: str) -> str:
    """On the card of an alert past its last reminder when another alert about the patient (``what`` they did,
    alert_what) was acknowledged since: they are not told nobody answered, since someone has (newcomer14 N112)."""
    who = f" by {esc(by)}" if by else ""
    return (
        f"ℹ️ {esc(alias)} is not told that their care team has not answered: the alert raised when they {what} "
        f"was acknowledged{who} {zoned(at)}. This one stays open until someone acknowledges it."
    )


def patient_untold_note(alias: str, why: str) -> str:
    """The same when the bot could not tell them."""
    return f"{esc(alias)} could NOT be told that nobody has answered: they {esc(of_them(why))}"


def unanswered_untold_admins(alias: str, kind_words: str, minutes: int, why: str) -> str:
    """To the admins: nobody acknowledged by the last reminder, and the patient cannot be told either."""
    return (
        f"🚨 <b>Nobody has acknowledged</b> the urgent alert about <b>{esc(alias)}</b> ({kind_words}), open "
        f"{span(minutes)}, past its last reminder; the bot sends it no more. The bot could not tell "
        f"{esc(alias)} that their care team has not answered: they {esc(of_them(why))}. Please reach them another way "
        "(the phone number your program holds), then acknowledge it on their page (/caseload)."
    )


def reply_went_later(alias: str, at: datetime) -> str:
    """Under an alert card that said the bot's answer had not reached the patient, once it has (newcomer N11:
    the card kept saying "they may not have the crisis lines yet" after they had them)."""
    return (
        f"✅ Update: the bot's answer (the crisis lines and “Are you safe right now?”) reached <b>{esc(alias)}</b> "
        f"on a later try, {zoned(at)}."
    )
