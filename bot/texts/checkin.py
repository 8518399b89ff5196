"""The daily check-in and what follows it."""

from __future__ import annotations

from bot.texts.base import esc

# Daily check-in ------------------------------------------------------------------------------

BTN_SKIP = "Skip"
BTN_START_CHECKIN = "Start check-in"
# Sent unprompted, so it shows on the lock screen: nothing about treatment.
CHECKIN_PROMPT = "Hi! Time for your daily check-in. It takes about a minute."
# The day after a use was told (newcomer18 N174). Sent unprompted, so it names nothing: "a hard day".
CHECKIN_PROMPT_AFTER_LAPSE = (
    "Hi. Yesterday sounded like a hard day, and I'm glad you told me. How are you doing since? Your daily "
    "check-in is here whenever you're ready; it takes about a minute."
)
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


# Typed mid-check-in, these are a request for help, not a wrong answer.
HELP_WORDS = frozenset(
    {"help", "help me", "i need help", "what", "how", "?", "/help", "que", "qué", "como", "cómo"}
)
CHECKIN_HELP = (
    "You're in the middle of your check-in. Answer with the buttons, or type your answer. "
    "Tap Skip for a question you'd rather not answer, or send /cancel to stop the check-in "
    "(nothing from it is saved). If you need help right now, send /sos."
)
# A second check-in the same day (newcomer9 N9): the summary is of what was answered now; the day keeps its
# harder answers for the counselor, and the patient is told so plainly rather than shown the morning's numbers.
CHECKIN_DAY_KEPT = "I've added this to today's check-in. Where an answer earlier today was harder, your counselor sees that one too."
CHECKIN_SAVED_QUIETLY = "Your check-in is saved, including what you wrote."


def checkin_reask(
    prompt: str, low: int | None = None, high: int | None = None, *, wants_help: bool = False
) -> str:
    """A kind re-ask when typed text doesn't fit the question (with help and /cancel when asked)."""
    head = CHECKIN_HELP + "\n\n" if wants_help else ""
    if low is not None and high is not None:
        return (
            f"{head}No problem, I need a whole number from {low} to {high}: tap one below or type it."
            f"\n\n{esc(prompt)}"
        )
    return f"{head}I didn't quite catch that. Please tap one of the options below.\n\n{esc(prompt)}"


def with_harm_reduction(text: str, line: str) -> str:
    """A reply to a use disclosure, followed by the program's harm-reduction line."""
    return f"{text}\n\n{esc(line)}" if line else text


def checkin_done(mood: int | None, craving: int | None, streak: int, hard_day: bool = False) -> str:
    """A short, warm summary after a completed check-in; on a hard day, no cheering about streaks."""
    parts = ["Thanks for checking in on a hard day; that matters." if hard_day else "Thanks for checking in."]
    parts.append("That's saved.")
    if mood is not None or craving is not None:
        got = [
            f"mood {mood}/10" if mood is not None else "",
            f"craving {craving}/10" if craving is not None else "",
        ]
        parts.append("Today: " + ", ".join(g for g in got if g) + ".")
    if streak >= 2 and not hard_day:
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
    # The skill's name stands alone: names like "ACCEPTS: distract yourself" don't fit inside a sentence.
    return (
        f"{opener}\n\nOne skill that may help now: <b>{esc(skill_name)}</b>. "
        "Would you like to try it together? It takes a few minutes."
    )


BTN_TRY_SKILL = "Try it now"
BTN_NOT_NOW_SKILL = "Not now"


def checkin_other_question(other_prompt: str, later: bool) -> str:
    """Typed words that answer another question of the check-in (newcomer7 N11): not recorded as this one's."""
    when = (
        "I'll ask that one in a moment." if later
        else "You've answered that one already; if it has changed, say so in the note at the end."
    )  # fmt: skip
    return f"That sounds like your answer to another question (“{esc(other_prompt)}”), so I haven't used it here. {when}"
