"""Session reminders, RSVPs and schedule changes.

Reminders show on lock screens: they say "appointment", never the program, treatment or clinic.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.texts.base import clock, esc, zoned

BTN_COMING = "I'll be there"
BTN_LATE = "Running late"
BTN_CANT = "Can't make it"
RSVP_LABELS = {"y": BTN_COMING, "l": BTN_LATE, "n": BTN_CANT}

RSVP_THANKS = "Thanks, noted."
RSVP_ASK_REASON = (
    "Thanks for letting us know. Want to tell your counselor why? Type a few words, or /cancel to skip."
)
RSVP_REASON_SAVED = "Thanks. I've passed that on to your counselor."
RSVP_STALE = "That appointment has passed or changed."


def when(at: datetime, today: date | None) -> str:
    """ "today at 6:00 PM", "tomorrow at 6:00 PM" or "on Wed, Nov 25 at 6:00 PM" (patient's local time)."""
    days = (at.date() - today).days if today else 99
    day = "today" if days == 0 else "tomorrow" if days == 1 else f"on {at:%a, %b} {at.day}"
    return f"{day} at {clock(at.time())}"


def reminder(at: datetime, today: date) -> str:
    """The reminder itself: discreet on purpose."""
    return f"Reminder: your appointment {when(at, today)}. Will you be there?"


def reminder_answered(at: datetime, today: date, answer: str) -> str:
    """A nearer reminder after the patient answered an earlier one (newcomer16 N129): no question again."""
    return f"Reminder: your appointment {when(at, today)}. You said: <b>{esc(RSVP_LABELS[answer])}</b>. See you then."


def rsvp_recorded(text: str, answer: str) -> str:
    """The reminder after the patient answered (they can still change it)."""
    return f"{text}\n\nYou said: <b>{esc(RSVP_LABELS[answer])}</b>"


def cancelled_notice(at: datetime, today: date | None) -> str:
    """A session the patient expected will not happen."""
    # No "your counselor will be in touch": a session cancelled from the server tells nobody to call.
    return (
        f"Change of plans: your appointment {when(at, today)} is cancelled. If you have questions, you can "
        "write to your counselor with /message."
    )


def series_cancelled_notice(ats: Sequence[datetime], today: date | None) -> str:
    """A whole series cancelled: one notice naming its next meetings, not one a meeting (gaps11 #8)."""
    dates = [when(at, today) for at in ats]
    listed = ", ".join(dates[:-1]) + f" and {dates[-1]}" if len(dates) > 1 else dates[0]
    return (
        f"Change of plans: this appointment is cancelled from now on (the next ones were {listed}), so no "
        "more reminders for it. If you have questions, you can write to your counselor with /message."
    )


def counselor_rsvp(alias: str, answer: str, kind: str, at: datetime, reason: str | None = None) -> str:
    """Late or can't-come, told to the counselor at once (the session's time with its zone, as every
    counselor text writes one)."""
    # "y": after a late or can't-come, they can come after all (newcomer20 N202).
    what = {"l": "is running late to", "y": "can come after all to"}.get(answer, "can't make it to")
    why = f"\nReason: {esc(reason)}" if reason else ""
    return f"<b>{esc(alias)}</b> {what} the {esc(kind)} session on {zoned(at)}.{why}"


def session_cancelled_report(cancelled: int, queued: list[str], not_told: list[str]) -> str:
    """`iop-bot session cancel`: who a notice goes to, who gets none and why (newcomer5 finding 30)."""
    lines = [f"Cancelled {cancelled} meeting(s)."]
    if queued:
        lines.append(
            f"A notice goes to {len(queued)} patient(s): {', '.join(queued)}. If one cannot be delivered "
            "(they blocked the bot), their counselor is told to reach them another way."
        )
    if not_told:
        lines.append(f"No notice (not active): {', '.join(not_told)}.")
    return "\n".join(lines)


def notice_undelivered(alias: str, notice: str, why: str) -> str:
    """To the counselor: a schedule notice could not reach their patient (newcomer5 finding 30)."""
    return (
        f"⚠️ I could not reach <b>{esc(alias)}</b> ({esc(why)}), so they do not know of this change. "
        f"Please tell them another way. The notice said:\n<blockquote>{notice}</blockquote>"
    )


def rsvp_typed(when_text: str, answer: str, counselor: str, told: bool, *, cover: str = "") -> str:
    """A reminder answered in words (newcomer7 N16): what was recorded, who was told, and how to change it."""
    what = {
        "y": f"you'll be at your appointment {when_text}",
        "l": f"you're running late for your appointment {when_text}",
        "n": f"you can't make it to your appointment {when_text}",
    }[answer]
    who, covering = (esc(counselor) if counselor else "your counselor"), ""
    if cover:  # their counselor away: the cover has it too (newcomer20 N196 addendum)
        who, covering = esc(cover), f": they are covering while {who} is away"
    if answer == "y":
        passed = ""
    elif told:
        passed = f" I've let {who} know, with your message{covering}."
    else:
        passed = f" I couldn't reach {who} just now: they'll see it, with your message, when they next open the bot."
    return f"Noted: {what}.{passed} If that's not what you meant, tap the right answer below."
