"""Patients' data rights: a copy of their data, erasure, and withdrawing consent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from bot.texts.base import esc, pick, span, zoned
from bot.texts.rights_es import (
    CLOSED_AGAIN_ES,
    DELETED_AFTER_CLOSE_ES,
    DELETED_AFTER_STOP_ES,
    STOPPED_AGAIN_ES,
)

MYDATA_CAPTION = "All of it in detail, as a file (with labels). Keep it somewhere private."
_RECORDS = {  # (one, several): "1 session answer", not "1 session answers"
    "flags": ("flag for your counselor", "flags for your counselor"),
    "safety_plan": ("safety-plan step", "safety-plan steps"),
    "measures": ("questionnaire", "questionnaires"),
    "feedback": ("coping-skill rating", "coping-skill ratings"),
    "rsvp": ("session answer", "session answers"),
    "messages": ("message with your counselor", "messages with your counselor"),
    "alerts": ("alert to your counselor", "alerts to your counselor"),
    "days_since": ("day counter", "day counters"),
}


def mydata_summary(
    profile: Sequence[tuple[str, str]],
    checkins: int,
    span: tuple[str, str] | None,
    last: Sequence[tuple[str, str]],
    counts: Mapping[str, int],
) -> str:
    """/mydata in words: who you are to the bot, your check-ins, and what else is kept."""
    lines = ["<b>What I have stored about you</b>"]
    lines += [f"• {esc(name)}: {esc(value)}" for name, value in profile]
    when = f" ({esc(span[0])} to {esc(span[1])})" if span else ""
    lines.append(f"• Check-ins: {checkins}{when}")
    if last:
        lines.append("  Last one: " + " · ".join(f"{esc(k)} {esc(v)}" for k, v in last))
    others = [f"{n} {label[n != 1]}" for key, label in _RECORDS.items() if (n := counts.get(key, 0))]
    lines.append("• Also: " + ", ".join(others) if others else "• Nothing else.")
    return "\n".join(lines)


# What is erased, that the counselor is told, and what stays, said before and after (gaps11 #6: the thread
# with the counselor went too, unsaid, and the counselor was not named as told).
DELETE_CONFIRM = (
    "This erases for good what you've given here: your check-ins, notes, safety plan, questionnaire answers "
    "and your messages with your counselor. Your counselor is told that you erased your data, never what it "
    "said. What already reached them stays in their chat, and any urgent alert stays open (without your "
    "words); your program also keeps its own clinical records, and backups it has already taken keep a copy "
    "until they are deleted. It can't be undone.\n\n<b>Erase everything?</b>"
)
BTN_DELETE = "Erase everything"
BTN_KEEP = "Keep my data"
DELETED = (
    "Done: your check-ins, notes, safety plan, answers and messages with your counselor are erased from this "
    "bot, and your counselor is told you did this (not what any of it said). You can keep using me as before."
)
KEPT = "Okay, nothing was erased."
STOP_CONFIRM = (
    "If you stop, I won't send you anything any more and your counselor will be told. "
    "What you've shared so far is kept by the program for its records; after you stop, /mydata still shows "
    "you what is kept here and /delete still erases it.\n\n<b>Stop using IOP Companion?</b>"
)
BTN_STOP = "Stop"
# newcomer9 N35: "STOP" or "please stop texting me", typed as to an SMS service: how to stop, nothing stopped by it.
STOP_HOW = (
    "If you'd like me to stop writing to you, send /stop: I'll ask you to confirm first, and your counselor will "
    "be told. Nothing has changed yet. To end only what we're doing now, send /cancel; to change when I write, "
    "send /settings."
)
BTN_STAY = "Keep going"
# "delete my data" typed as words (newcomer20 N205): the command, never the words kept for the counselor.
DELETE_HOW = (
    "To erase what is stored about you, send /delete: I'll ask you to confirm first. Nothing has changed yet."
)


def message_how(counselor: str, language: str = "en") -> str:
    """ "how do i talk to my counselor" typed as words (newcomer20 N205): how, naming them."""
    if language == "es":
        return f"Para escribirle a {esc(counselor)}, envía /mensaje y luego escribe tu mensaje."
    return f"To write to {esc(counselor)}, send /message and then type your message."


# /sos still answers after /stop, with the lines of the patient's own country (988 does not answer abroad).
STOPPED = (
    "You won't get any more messages from me. If you'd like to come back, ask your counselor for a new "
    "code. If you're ever in danger, /sos still works here: it shows the crisis lines for where you are. "
    "/mydata (what is kept here) and /delete (erase it) still work too."
)
STAYED = "Glad you're staying."
# gaps11 #2: someone who used /stop and writes again is not a stranger; they read what is true for them now
# (crisis words still reach their counselor: bot/handlers/crisis.py, withdrawn_* alerts).
STOPPED_AGAIN = (
    "You stopped messages from me with /stop, so I'm not sending you anything, and what you write here is "
    "not kept or passed on. If you'd like to come back, ask your counselor for a new code and send it "
    "here. If you're ever in danger, /sos still works here, and if you tell me you are, your counselor is "
    "still told. /mydata (what is kept here) and /delete (erase it) still work too."
)
DELETED_AFTER_STOP = (
    "Done: your check-ins, notes, safety plan, answers and messages with your counselor are erased from this "
    "bot, and your counselor is told you did this (not what any of it said). You stopped with /stop, so I "
    "won't send you anything; if you're ever in danger, /sos still works here."
)


# The same after an admin closed the enrollment (`iop-bot patient close`): they never sent /stop (gaps18).
CLOSED_AGAIN = STOPPED_AGAIN.replace(
    "You stopped messages from me with /stop", "Your program closed your enrollment in this app"
)


def stopped_again(language: str, *, closed: bool = False) -> str:
    """To someone who used /stop (``closed``: whose enrollment an admin closed) and writes again, in the
    language they last used here."""
    if closed:
        return pick(language, CLOSED_AGAIN, CLOSED_AGAIN_ES)
    return pick(language, STOPPED_AGAIN, STOPPED_AGAIN_ES)


DELETED_AFTER_CLOSE = DELETED_AFTER_STOP.replace(
    "You stopped with /stop", "Your program closed your enrollment"
)


def deleted_after_stop(language: str, *, closed: bool = False) -> str:
    """/delete done for someone who had used /stop (newcomer9 N49): not "keep using me as before";
    ``closed``: whose enrollment an admin closed (gaps18: never "/stop" then)."""
    if closed:
        return pick(language, DELETED_AFTER_CLOSE, DELETED_AFTER_CLOSE_ES)
    return pick(language, DELETED_AFTER_STOP, DELETED_AFTER_STOP_ES)


def counselor_patient_erased(alias: str, *, withdrawn: bool = False, closed: bool = False) -> str:
    """To the counselor, once, when their patient erased their own data with /delete (newcomer6 finding 21:
    the caseload then read "last check-in never", as if they had never taken part); ``withdrawn``: after
    their /stop (newcomer9 N49); ``closed``: after an admin closed their enrollment (gaps18)."""
    if withdrawn:
        how = "whose enrollment an admin had closed" if closed else "who had withdrawn with /stop"
        return (
            f"🗑 <b>{esc(alias)}</b>, {how}, erased their data with /delete: their "
            "check-ins, notes, safety plan, questionnaire answers, flags waiting for review and your message "
            "thread with them are gone from the bot. What already reached this chat stays here, and their open "
            "urgent alerts stay open (without their words)."
        )
    return (
        f"🗑 <b>{esc(alias)}</b> erased their data with /delete: their check-ins, notes, safety plan, "
        "questionnaire answers, flags waiting for review and your message thread with them (your messages and "
        "theirs) are gone from the bot. What already reached this chat stays here, and their open urgent "
        "alerts stay open (without their words). They are still enrolled and can go on as before; their page "
        "and caseload row say when they erased it."
    )


def counselor_patient_stopped(
    alias: str,
    after_alert_min: int | None = None,
    alert_open: bool = False,
    acked: tuple[str, datetime] | None = None,
) -> str:
    """To the counselor, when their patient withdrew consent with /stop; ``after_alert_min``: minutes since a
    crisis alert about them (newcomer6 finding 29: a farewell followed by withdrawal is itself a warning sign)."""
    text = f"<b>{esc(alias)}</b> stopped using the bot (withdrew consent). No more messages will be sent."
    if after_alert_min is None:
        return text
    # Who acknowledged it and when (ops O127: "(raised)" read like a placeholder).
    state = (
        " (still open)"
        if alert_open
        else f" (acknowledged by {esc(acked[0])}, {zoned(acked[1])})"
        if acked
        else ""
    )
    return (
        f"⚠️ {text}\nThis came {span(after_alert_min)} after their crisis alert{state}: the bot can no longer "
        "reach them. Please reach them by phone now, with the contact details your program holds."
    )
