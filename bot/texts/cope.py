"""Coping skills on request (/cope) and the optional skill-of-the-day practice (/practice)."""

from __future__ import annotations

from datetime import time

from bot.texts.base import clock, esc

# /cope ---------------------------------------------------------------------------------------

COPE_ASK = "What's going on for you right now? Pick the closest one."
# Labels for the skill tags in the coping skills program data (coping_skills.toml), in the order the buttons show them.
COPE_TAG_LABELS: dict[str, str] = {
    "craving": "Craving",
    "anxiety": "Anxious",
    "low_mood": "Feeling low",
    "anger": "Angry",
    "sleep": "Can't sleep",
    "loneliness": "Lonely",
}
BTN_NEXT = "Next"
BTN_DONE_STEPS = "Done"
BTN_STOP = "Stop"
BTN_OTHER_SKILL = "Another skill"
BTN_HELPED_YES = "Yes"
BTN_HELPED_SOME = "A little"
BTN_HELPED_NO = "No"
COPE_NOT_NOW = "Okay, no problem. Whenever you'd like to try one, send /cope."
COPE_STOPPED = "Okay, we'll stop here. That's fine too: /cope is here whenever you want it."
COPE_STALE = "That exercise has finished. Send /cope to start a new one."
COPE_ALREADY = "Got that already."
COPE_STARTED = "We've already started that one."
COPE_UNKNOWN_SKILL = "I can't find that exercise any more. Send /cope and we'll pick one together."
COPE_HELPED_ASK = "Did this help?"
PRACTICE_HOW_ASK = "How did it go? Did it help?"

_THANKS = {
    "yes": "I'm glad it helped. I'll remember that and suggest it again when things are hard.",
    "somewhat": "Thanks for telling me. Skills get stronger with practice, so a little is a good start.",
    "no": "Thanks for being honest. Not every skill fits everyone; next time I'll suggest something different.",
}


def cope_feeling(label: str) -> str:
    """The /cope question as it stays in the chat once answered."""
    return f"{COPE_ASK}\n→ <b>{esc(label)}</b>"


def cope_step(name: str, step: int, total: int, text: str) -> str:
    """One step of a skill on its own screen."""
    return f"<b>{esc(name)}</b> · {step}/{total}\n\n{esc(text)}"


def cope_intro(step_screen: str) -> str:
    """The first step, with a line that says how this works."""
    return f"Let's do this together, one step at a time.\n\n{step_screen}"


def cope_ask_helped(name: str, practice: bool) -> str:
    """The closing question after the last step."""
    return f"<b>{esc(name)}</b>: that's all the steps. Well done.\n\n" + (
        PRACTICE_HOW_ASK if practice else COPE_HELPED_ASK
    )


def cope_thanks(name: str, helped: str) -> str:
    """The reply to "did this help?", which ends the walk-through."""
    return f"<b>{esc(name)}</b>\n\n{_THANKS.get(helped, _THANKS['somewhat'])}"


# Skill of the day ----------------------------------------------------------------------------

# Sent unprompted, so it shows on the lock screen: no clinical words, no skill names.
PRACTICE_PROMPT = "Got a couple of minutes for today's practice?"
BTN_PRACTICE_GO = "Let's go"
BTN_PRACTICE_LATER = "Not today"
BTN_PRACTICE_OFF = "Off"
PRACTICE_NEEDS_SETUP = "Please finish setting up first (your time zone), then try /practice again."
PRACTICE_TURNED_OFF = "Okay, the daily practice is off. Turn it on again any time with /practice."


def practice_menu(current: time | None) -> str:
    """/practice: what the daily practice is and when it comes now."""
    now = f"It comes every day at <b>{clock(current)}</b> your time." if current else "It is <b>off</b> now."
    return (
        "<b>Skill of the day</b>\n"
        "Once a day I can walk you through one short skill, so it's ready when you need it. "
        "When the group works on a skill, you'll practice that one.\n\n"
        f"{now} Pick a time (or type one, like 8:15 PM), or turn it off:"
    )


def practice_set(at: time) -> str:
    """Confirmation after the patient picks a time."""
    return f"Done: a short practice every day at <b>{clock(at)}</b> your time. Change it any time with /practice."
