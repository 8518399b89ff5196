"""Enrollment, consent, set-up, help and general answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from bot.texts.base import bullet_lines, clock, day_label, esc

# Buttons ---------------------------------------------------------------------------------------

BTN_AGREE = "I agree"
BTN_NOT_NOW = "Not now"
BTN_OTHER_ZONE = "Other (type it)"

# Strangers and enrollment ----------------------------------------------------------------------

STRANGER = (
    "Hi! I'm a private companion for people in a treatment program.\n\n"
    "To start, you need a personal enrollment code from your counselor. "
    "When you have it, send it here (for example <code>K7QM3XPA</code>), "
    "or tap the link your counselor gave you."
)
CODE_UNKNOWN = (
    "I couldn't find that code. Please check it and try again, or ask your counselor for a new one."
)
# A typed code holding a character no code has (newcomer9 N34).
CODE_CONFUSABLE = "Codes never contain 0, O, 1, I or L: check those characters against your code."
CODE_EXPIRED = "That code has expired. Please ask your counselor for a new one."
CODE_USED = "That code has already been used. If you think that's a mistake, please ask your counselor."


def code_wait(minutes: int) -> str:
    """Too many wrong enrollment codes: when to try again."""
    return f"Too many tries for now. Please wait about {minutes} minutes, then try again."


def consent(program: str, crisis_lines: Sequence[str], counselor: str = "") -> str:
    """What the patient agrees to before anything about them is stored; ``counselor``: the invitation's, by name
    (newcomer18 N165: the consent named nobody, and not the colleague covering while they are away)."""
    who = f"Your counselor, {esc(counselor)}," if counselor else "Your counselor"
    return (
        f"Welcome to <b>{esc(program)}</b>.\n\n"
        "Before we start, here is what this chat is and isn't:\n"
        "• I'll ask you short daily check-ins (mood, cravings, sleep…), remind you of sessions, "
        "and offer coping skills when things are hard.\n"
        f"• <b>{who} reads your check-ins and your safety plan</b>, and the messages you "
        "send them here (/message); while they are away, so does the colleague covering for them.\n"
        # Who else reads in a crisis (newcomer16 N144); the 2 hours are bot/domain/follow.py's FOLLOW_FOR.
        "• If you write words of crisis or say you are not safe, your counselor sees them and what you write "
        "after them for the next 2 hours; if your counselor does not answer in time, so do the counselor on "
        "call and the program's administrators.\n"
        "• Telegram stores chats with bots on its servers; they are <b>not end-to-end encrypted</b>.\n"
        "• I'm <b>not an emergency service</b> and no one watches this chat around the clock. "
        "If you are in danger or thinking about harming yourself:\n"
        f"{bullet_lines(crisis_lines)}\n\n"
        "You can stop at any time with /stop. After that nothing new is kept, with one exception: if you "
        "write words of crisis, you still get this help and the same people are told that you did "
        "(not what you wrote).\n\nDo you agree to continue?"
    )


CONSENT_DECLINED = (
    "That's okay. Nothing about you has been saved. "
    "If you change your mind, send your code again whenever you're ready."
)
CONSENT_TAP = (
    "To agree, tap <b>I agree</b> under the welcome message above. "
    "Haven't sent your code yet? Send it here first."
)
# Typed while the consent waits (or after "Not now": its buttons are gone, gaps11 #5): the buttons come with it.
CONSENT_TAP_BELOW = (
    "To agree, tap <b>I agree</b> below; the welcome message above says what you agree to. "
    "Not ready? Tap <b>Not now</b>: nothing about you is saved."
)
CONSENT_STALE = "This invitation is no longer valid. Please ask your counselor for a new code."


def ask_timezone(zones: Sequence[str], *, changing: bool = False) -> str:
    """First set-up question after consent, or the first question of /settings."""
    opening = (
        "Let's update your settings: time zone, then check-in time."
        if changing
        else "Thank you, you're enrolled. Two quick questions so I reach you at the right time."
    )
    return (
        f"{opening}\n\n"
        "<b>Which time zone are you in?</b> Tap one, or type its name "
        f"(for example <code>{esc(zones[0] if zones else 'America/New_York')}</code>)."
    )


ASK_TIMEZONE_TYPED = (
    "Please type your time zone, for example <code>America/Chicago</code> or <code>Europe/London</code>."
)


def ask_checkin_time(zone: str) -> str:
    """Second set-up question."""
    return (
        f"Got it: {esc(zone)}.\n\n<b>When would you like your daily check-in?</b> "
        "Tap a time, or type one (for example <code>7:30 pm</code>)."
    )


TIME_UNKNOWN = "I didn't catch that time. Please type it like <code>19:30</code> or <code>7:30 pm</code>."


def setup_done(at: time, zone: str) -> str:
    """The end of onboarding."""
    return (
        f"All set. I'll check in with you every day at <b>{clock(at)}</b> ({esc(zone)}).\n\n"
        "Any time you can use:\n"
        "/checkin: tell me how you're doing\n"
        "/sos: help right now\n"
        "/help: everything I can do"
    )


def new_patient_for_counselor(alias: str) -> str:
    """Tells a counselor their invited patient enrolled (alias only)."""
    return f"<b>{esc(alias)}</b> accepted your invitation and is now enrolled."


def patient_returned(
    alias: str,
    former: str,
    *,
    closed: bool = False,
    erased: date | None = None,
    before: str = "",
    group_left: str = "",
) -> str:
    """Tells a counselor that someone who withdrew (/stop) came back with their invitation (newcomer5 43); ``closed``:
    the program closed their enrollment, they never used /stop (newcomer22 N229); ``erased``: the day their data
    was erased, so nothing earlier is back (newcomer22 N238: "on their page again" after a /delete)."""
    was = "" if former == alias else f" as <b>{esc(former)}</b>"
    # ``before``: the counselor who had them, when someone else (newcomer22 N219).
    was += f", when they were <b>{esc(before)}</b>'s patient" if before else ""
    why = "the program closed their enrollment" if closed else "withdrawing (/stop)"
    back = (
        f"What they had before was erased on {day_label(erased)}: their page starts again from today"
        if erased is not None
        else "Their earlier check-ins, messages and safety plan are on their page again"
    )
    # ``group_left``: the group they were in, which this invitation does not put them back in (newcomer22 N241).
    group = (
        f" They were in <b>{esc(group_left)}</b> before; this invitation puts them in no group, so they get no group "
        "reminders and are on no pre-group screen: ask your program's admin if they should be in it."
        if group_left
        else ""
    )
    return (
        f"<b>{esc(alias)}</b> accepted your invitation and is enrolled again: they came back after {why}{was}. "
        f"{back}, with their consent given anew today.{group}"
    )


# Everyday --------------------------------------------------------------------------------------

WELCOME_BACK = "Welcome back. Use /checkin to tell me how you're doing, or /help to see everything."
# newcomer9 N55: an enrolled patient who opened a second invitation read "Welcome back", and nobody knew.
ALREADY_ENROLLED = (
    "This account is already enrolled here, so I didn't use that invitation: nothing changed for you, and "
    "I've let the counselor who made it know. Use /checkin to tell me how you're doing, or /help to see "
    "everything."
)


def invitation_opened_by_enrolled(invited: str, alias: str | None, theirs: str) -> str:
    """To the counselor who made an invitation that a patient already enrolled opened (newcomer9 N55): who
    (their alias only when the patient is this counselor's; else whose patient), and that it is still open."""
    who = (
        f"<b>{esc(alias)}</b>, already your patient,"
        if alias
        else f"a patient of {esc(theirs)} already enrolled"
    )
    return (
        f"🔁 The invitation you made for <b>{esc(invited)}</b> was opened by {who}. It was not used and "
        f"nothing changed for them; the invitation for {esc(invited)} is still open. If it enrolls the same "
        f"person twice or went to the wrong person, revoke it: <code>iop-bot invite revoke {esc(invited)}</code>."
    )


HELP_PATIENT = (
    "Here's what I can do:\n"
    "/checkin: a quick daily check-in\n"
    "/message: write to your counselor\n"
    "/cope: a coping skill, step by step\n"
    "/practice: a skill of the day at a time you pick (or off)\n"
    "/history: your last 7 or 30 days as a chart\n"
    "/dayssince: count the days since a date you choose\n"
    "/measures: this week's short questionnaires\n"
    "/sos: crisis resources and help right now\n"
    "/safetyplan: write or change your safety plan\n"
    "/settings: change your time zone, check-in time or quiet hours\n"
    "/cancel: stop what we're doing\n"
    "/mydata: a copy of everything stored about you\n"
    "/delete: erase your check-ins, notes, safety plan and answers\n"
    "/stop: stop using the bot\n"
    "/help: this list\n\n"
    "I'm not an emergency service. If you're in danger, use /sos or call your local emergency number."
)
HELP_COUNSELOR = (
    "Counselor tools:\n"
    "/caseload: who needs you first, and each patient's page\n"
    "/export ALIAS: a patient's check-ins as CSV\n"
    "/broadcast COHORT: one message to a whole cohort\n"
    "/digest HH:MM or off: a daily digest (one comes before each group anyway)\n"
    "/cancel: stop what we're doing\n"
    "/help: this list\n\n"
    "Patients are invited with <code>iop-bot enroll</code> on the server; "
    "a PIN is set with <code>iop-bot counselor set-pin</code>."
)


def counselor_text_not_sent(text: str) -> str:
    """A counselor's text that nothing was waiting for: nobody got it, why that may be, and their words."""
    shown = text if len(text) <= 600 else text[:600] + "…"
    return (
        "I haven't sent that to anyone. To write to a patient, open them in /caseload and tap “Message "
        "patient” first; if you had, it was more than 10 minutes ago or it already carried one message, so "
        f"tap it again and send your text once more:\n\n<i>{esc(shown)}</i>\n\n{HELP_COUNSELOR}"
    )


PATIENT_COMMAND_FOR_COUNSELOR = (
    "That is a patient command: your patients use it in their own chats. "
    "For your patients, use /caseload; /help lists your counselor tools."
)
CANCELLED = "Okay, stopped. Nothing else is waiting on you."
NOTHING_TO_CANCEL = "There's nothing to cancel right now."
PATIENT_FALLBACK = "I'm here. Use /checkin to tell me how you're doing, /sos if you need help now, or /help."
SAVE_FAILED = (
    "Sorry, I couldn't save that just now. Nothing is lost on your side: please try again in a minute."
)
# The store could not save a patient's words or tap, and their counselor was told (bot/handlers/unsaved.py).
# /sos, not a number: the crisis lines of the patient's own country and language (988 does not answer abroad).
SAVE_FAILED_TOLD = (
    "Sorry, I couldn't save that just now (a problem on my side), so I've let your care team know, so someone "
    "can reach you directly. If you need help now, use /sos: it shows the crisis lines for where you are."
)
SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again in a moment."
STALE_BUTTON = "That button is out of date."
SLOW_DOWN = (
    "That's a lot of messages at once. I'll catch up in a few seconds; if you need help now, use /sos."
)
SETUP_FIRST = "Let's finish setting up first."


def did_you_mean(command: str) -> str:
    """A mistyped command one or two letters from a known one (newcomer20 N187), before the list."""
    return f"Did you mean /{esc(command)}? Tap it to start it.\n\n"
