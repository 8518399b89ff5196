"""Every patient- and counselor-facing sentence, in one file for clinical review.

Messages are sent with HTML parse mode: anything that comes from a person (aliases, names, notes)
must pass through ``esc`` before it is put into one of these texts.

Lock-screen rule: texts sent unprompted (reminders, prompts, nudges) never name the condition,
the treatment, substances or the clinic, because they show on lock screens.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from html import escape

MAX_MESSAGE = 4096


def esc(text: str) -> str:
    """Escape person-supplied text for HTML parse mode."""
    return escape(text, quote=False)


def clock(at: time) -> str:
    """A time of day as people read it: 7:00 PM."""
    return at.strftime("%I:%M %p").lstrip("0")


def bullet_lines(lines: Sequence[str]) -> str:
    """Lines as a bulleted block."""
    return "\n".join(f"• {esc(line)}" for line in lines)


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
CODE_EXPIRED = "That code has expired. Please ask your counselor for a new one."
CODE_USED = "That code has already been used. If you think that's a mistake, please ask your counselor."
CODE_WAIT = "Too many tries for now. Please wait about {minutes} minutes, then try again."


def consent(program: str, crisis_lines: Sequence[str]) -> str:
    """What the patient agrees to before anything about them is stored."""
    return (
        f"Welcome to <b>{esc(program)}</b>.\n\n"
        "Before we start, here is what this chat is and isn't:\n"
        "• I'll ask you short daily check-ins (mood, cravings, sleep…), remind you of sessions, "
        "and offer coping skills when things are hard.\n"
        "• <b>Your counselor reads your check-ins</b> and any message you ask me to pass on.\n"
        "• Telegram stores chats with bots on its servers; they are <b>not end-to-end encrypted</b>.\n"
        "• I'm <b>not an emergency service</b> and no one watches this chat around the clock. "
        "If you are in danger or thinking about harming yourself:\n"
        f"{bullet_lines(crisis_lines)}\n\n"
        "You can stop at any time with /stop. Do you agree to continue?"
    )


CONSENT_DECLINED = (
    "That's okay. Nothing about you has been saved. "
    "If you change your mind, send your code again whenever you're ready."
)
CONSENT_STALE = "This invitation is no longer valid. Please ask your counselor for a new code."


def ask_timezone(zones: Sequence[str]) -> str:
    """First set-up question after consent."""
    return (
        "Thank you, you're enrolled. Two quick questions so I reach you at the right time.\n\n"
        "<b>Which time zone are you in?</b> Tap one, or type its name "
        f"(for example <code>{esc(zones[0] if zones else 'America/New_York')}</code>)."
    )


ASK_TIMEZONE_TYPED = (
    "Please type your time zone, for example <code>America/Chicago</code> or <code>Europe/London</code>."
)
TIMEZONE_UNKNOWN = (
    "I don't recognise that time zone. Try a name like <code>America/Denver</code>, "
    "or tap one of the buttons."
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


# Everyday --------------------------------------------------------------------------------------

WELCOME_BACK = "Welcome back. Use /checkin to tell me how you're doing, or /help to see everything."
HELP_PATIENT = (
    "Here's what I can do:\n"
    "/checkin: a quick daily check-in\n"
    "/sos: crisis resources and help right now\n"
    "/settings: change your time zone or check-in time\n"
    "/cancel: stop what we're doing\n"
    "/help: this list\n\n"
    "I'm not an emergency service. If you're in danger, use /sos or call your local emergency number."
)
HELP_COUNSELOR = (
    "Counselor tools:\n"
    "/patients: your caseload\n"
    "/cancel: stop what we're doing\n"
    "/help: this list\n\n"
    "Patients are invited with <code>iop-bot enroll</code> on the server."
)
CANCELLED = "Okay, stopped. Nothing else is waiting on you."
NOTHING_TO_CANCEL = "There's nothing to cancel right now."
PATIENT_FALLBACK = "I'm here. Use /checkin to tell me how you're doing, /sos if you need help now, or /help."
SAVE_FAILED = (
    "Sorry, I couldn't save that just now. Nothing is lost on your side: please try again in a minute."
)
SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again in a moment."
STALE_BUTTON = "That button is out of date."
SETUP_FIRST = "Let's finish setting up first."


def caseload(lines: Sequence[tuple[str, str]]) -> str:
    """A counselor's plain patient list: (alias, status) pairs."""
    if not lines:
        return "You have no patients yet. Invite one with <code>iop-bot enroll</code>."
    rows = "\n".join(f"• <b>{esc(alias)}</b>: {esc(status)}" for alias, status in lines)
    return f"Your patients ({len(lines)}):\n{rows}"


# Daily check-in ------------------------------------------------------------------------------

BTN_SKIP = "Skip"
BTN_START_CHECKIN = "Start check-in"
# Sent unprompted, so it shows on the lock screen: nothing about treatment.
CHECKIN_PROMPT = "Hi! Time for your daily check-in. It takes about a minute."
CHECKIN_NUDGE = "Just a gentle reminder: your check-in for today is still open whenever you have a minute."
CHECKIN_RESUMING = "Let's pick up where we left off."
CHECKIN_STALE = "That check-in is already closed. Send /checkin to start a new one."
CHECKIN_ALREADY = "Got that one already."
CHECKIN_EXPIRED = (
    "That check-in was left open a while, so I closed it. Send /checkin whenever you'd like to start again."
)
CHECKIN_CANCELLED = "Okay, I've set this check-in aside. Nothing from it was saved."
NOTE_HINT = "Type a few words, or tap Skip."


def checkin_question(prompt: str, step: int, total: int, low: str = "", high: str = "") -> str:
    """One check-in question, with where the patient is in the check-in."""
    scale = f"\n<i>{esc(low)} · {esc(high)}</i>" if low or high else ""
    return f"<b>{step}/{total}</b> {esc(prompt)}{scale}"


def checkin_answered(prompt: str, answer: str) -> str:
    """The question as it stays in the chat once answered."""
    return f"{esc(prompt)}\n→ <b>{esc(answer)}</b>"


def checkin_reask(prompt: str, low: int | None = None, high: int | None = None) -> str:
    """A kind re-ask when typed text doesn't fit the question."""
    if low is not None and high is not None:
        return f"No problem, I just need a number from {low} to {high}: tap one below or type it.\n\n{esc(prompt)}"
    return f"I didn't quite catch that. Please tap one of the options below.\n\n{esc(prompt)}"


def checkin_done(mood: int | None, craving: int | None, streak: int) -> str:
    """A short, warm summary after a completed check-in."""
    parts = ["Thanks for checking in. That's saved."]
    if mood is not None or craving is not None:
        got = [
            f"mood {mood}/10" if mood is not None else "",
            f"craving {craving}/10" if craving is not None else "",
        ]
        parts.append("Today: " + ", ".join(g for g in got if g) + ".")
    if streak >= 2:
        parts.append(f"That's {streak} days in a row.")
    return " ".join(parts)


def checkin_support(low_mood: bool, high_craving: bool, used: bool, skill_name: str) -> str:
    """The follow-up when a check-in shows a hard day, with one skill to try."""
    if used:
        opener = "Thank you for being honest about using. That takes courage, and one slip doesn't erase your progress."
    elif high_craving:
        opener = "Cravings that strong are hard. They rise and fall, and they do pass."
    elif low_mood:
        opener = "I'm sorry today feels heavy."
    else:
        opener = "Rough nights make everything harder."
    return f"{opener}\n\nWould you like to try <b>{esc(skill_name)}</b> together? It takes a few minutes."


BTN_TRY_SKILL = "Try it now"
BTN_NOT_NOW_SKILL = "Not now"
