"""SOS (help right now) and the Stanley–Brown safety plan.

Wording principles as for crisis texts: direct and warm, resources first, no promise that someone
is watching around the clock. Patients' plan entries are their own words: always escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.texts.base import bullet_lines, esc
from bot.texts.messages import counselor_away_line
from bot.texts.messages_es import counselor_away_line_es
from bot.texts.sos_es import PLAN_HEADING_ES, PLAN_TITLES_ES, TRY_THIS_NOW_ES

# /sos ---------------------------------------------------------------------------------------

# The persistent keyboard button; pressing it sends exactly this text.
SOS_BUTTON = "🆘 SOS"
BTN_TELL_COUNSELOR = "Tell my counselor"


BTN_TELL_COUNSELOR_ES = "Avisar a mi consejero/a"


def sos_resources(
    lines: Sequence[str],
    after_hours: str,
    can_tell: bool,
    language: str = "en",
    *,
    alerted: bool = False,
    away: tuple[str, date, str] | None = None,
) -> str:
    """The first SOS message: who to reach now, and (for patients) the counselor button. ``alerted``: an urgent
    alert about them is open (or just raised), so nothing waits for a "next review" (newcomer14 N108). ``away``:
    their counselor is away (name, back on, the cover's name): the cover reads it (newcomer18 N151)."""
    if language == "es":
        extra = f"\n• Nuestra línea fuera de horario: {esc(after_hours)}" if after_hours else ""
        seen = (
            "Ya le envié a tu equipo de atención un mensaje urgente sobre ti."
            if alerted
            else f"{counselor_away_line_es(*away)} {esc(away[2])} verá en su próxima revisión que abriste esta "
            "pantalla."
            if away
            else "Tu consejero o consejera verá en su próxima revisión que abriste esta pantalla."
        )
        tell = (
            f"\n\n{seen} Toca <b>Avisar a mi consejero/a</b> y le haré saber ahora mismo"
            f"{f' a {esc(away[2])}' if away and not alerted else ''} que lo necesitas."
            if can_tell
            else ""
        )
        return (
            "🆘 <b>No tienes que pasar por esto a solas. Busquemos apoyo ahora mismo.</b>\n\n"
            "<b>Habla con alguien ahora:</b>\n"
            f"{bullet_lines(lines)}{extra}{tell}"
        )
    extra = f"\n• Our after-hours line: {esc(after_hours)}" if after_hours else ""
    seen = (
        "I've already sent your care team an urgent message about you."
        if alerted
        else f"{counselor_away_line(*away)} {esc(away[2])} will see at their next review that you opened this screen."
        if away
        else "Your counselor will see at their next review that you opened this screen."
    )
    tell = (
        f"\n\n{seen} Tap <b>Tell my counselor</b> and I'll let "
        f"{esc(away[2]) if away and not alerted else 'them'} know right now that you need them."
        if can_tell
        else ""
    )
    return (
        "🆘 <b>You're not alone. Let's get you some support right now.</b>\n\n"
        "<b>Reach someone now:</b>\n"
        f"{bullet_lines(lines)}{extra}{tell}"
    )


def sos_grounding(name: str, steps: Sequence[str], plan: str | None, language: str = "en") -> str:
    """The second SOS message: the patient's plan (already HTML) and one grounding skill as steps."""
    heading, try_now = (
        (PLAN_HEADING_ES, TRY_THIS_NOW_ES) if language == "es" else ("Your safety plan", "Try this now")
    )
    plan_block = f"<b>{heading}</b>\n{plan}\n\n" if plan else ""
    numbered = "\n".join(f"{n}. {esc(step)}" for n, step in enumerate(steps, start=1))
    return f"{plan_block}<b>{try_now}: {esc(name)}</b>\n{numbered}"


SOS_TOLD = (
    "I've let your counselor know you need them, so they can reach out. If you're in danger before "
    "they do, please call or text one of the lines above."
)
# Told already, to whoever could be reached; no promise of when anyone answers.
SOS_ALREADY_TOLD = (
    "Your care team has been told already. If you're in danger before they reach you, use the lines above."
)
SOS_KEYBOARD_HINT = "The 🆘 SOS button stays below the message box whenever you need it."

# /safetyplan --------------------------------------------------------------------------------

# Stanley–Brown section titles (as the patient sees them) and the question for each.
PLAN_TITLES: dict[str, str] = {
    "warning_signs": "My warning signs",
    "coping": "Things I can do on my own to cope",
    "distraction": "People and places that take my mind off things",
    "help": "People I can ask for help",
    "professionals": "Professionals and crisis lines I can contact",
    "environment": "Making my surroundings safer",
    "reasons": "My reasons for living",
}
PLAN_QUESTIONS: dict[str, str] = {
    "warning_signs": (
        "What thoughts, feelings, situations or behaviors tell you a crisis may be starting? "
        "For example: not sleeping, pulling away from people, a certain thought that keeps coming back."
    ),
    "coping": (
        "What can you do on your own to take your mind off things or feel a bit calmer? "
        "For example: a walk, a shower, music, a breathing exercise."
    ),
    "distraction": (
        "Which people or places help you feel better or take your mind off things? "
        "For example: a friend to chat with, a coffee shop, a meeting, the gym."
    ),
    "help": "Who can you ask for help when things get hard? Write names and phone numbers.",
    "professionals": "Which professionals or crisis lines can you contact in a crisis?",
    "environment": (
        "What can you do to make your surroundings safer? For example: ask someone to hold on to "
        "medicines or anything you could use to hurt yourself, or stay away from places that trigger you."
    ),
    "reasons": "What are your reasons for living? The people, hopes and things that matter to you.",
}
BTN_PLAN_SKIP = "Skip"
BTN_PLAN_KEEP = "Keep as it is"
BTN_PLAN_SUGGESTION = "Use this"
BTN_PLAN_CLEAR = "Clear this step"
BTN_PLAN_LATER = "Finish later"
BTN_VIEW_PLAN = "View my plan"
BTN_EDIT_PLAN = "Edit a step"
BTN_WALK_PLAN = "Go through every step"

PLAN_INTRO = (
    "A safety plan is a short list, in your own words, of what helps when things get really hard. "
    "We'll go one step at a time: type your answer, or tap Skip. You can change any step later, "
    "and it shows up whenever you use /sos."
)
PLAN_DONE = (
    "Your safety plan is saved. It shows up whenever you use /sos. You can view or change it any time."
)
PLAN_PAUSED = "Okay, what you've written is saved. Send /safetyplan to carry on whenever you like."
PLAN_SAVED = "Saved."
PLAN_CLEARED = "That step is cleared."
PLAN_KEPT = "Kept as it was."
PLAN_EMPTY_TEXT = "I didn't catch anything there. Type your answer, or tap Skip."
PLAN_STALE = "That step has closed. Send /safetyplan to carry on."
# After a crisis answer in the middle of the plan: the plan waits, and what comes next reaches people.
PLAN_WAITS = "Your safety plan can wait. When you're ready, send /safetyplan to carry on."
PLAN_NONE_YET = "You haven't written a safety plan yet. Send /safetyplan and we'll make one together."
PLAN_PICK_STEP = "Which step would you like to change?"
PLAN_NOT_ENROLLED = "The safety plan is for people enrolled in the program. If you need help now, use /sos."


def plan_cut_note(limit: int) -> str:
    """Said when an entry was longer than a step can hold."""
    return f"That was a long one, so I kept the first {limit} characters."


def plan_step_button(number: int, key: str) -> str:
    """A short button label for one step."""
    return f"{number}. {PLAN_TITLES[key]}"


def plan_question(number: int, total: int, key: str, current: str | None, suggestion: str | None) -> str:
    """One guided step: its title, the question, what is there now, and a suggestion if any."""
    step = "Optional" if key == "reasons" else f"Step {number} of {total}"
    now = f"\n\n<i>What you have now:</i>\n{esc(current)}" if current else ""
    hint = f"\n\n<i>A suggestion you can use:</i>\n{esc(suggestion)}" if suggestion else ""
    return f"<b>{step}: {esc(PLAN_TITLES[key])}</b>\n\n{esc(PLAN_QUESTIONS[key])}{now}{hint}"


def professionals_suggestion(counselor: str | None, after_hours: str, lines: Sequence[str]) -> str:
    """The pre-filled answer for step 5: the counselor, the after-hours number and the crisis lines."""
    who = f"My counselor, {counselor}" if counselor else "My counselor"
    out = [who]
    if after_hours:
        out.append(f"After-hours line: {after_hours}")
    return "\n".join([*out, *lines])


def plan_html(sections: Sequence[tuple[int, str, str]], language: str = "en") -> str:
    """The plan as HTML from (number, key, text) rows; the text is the patient's and is escaped."""
    titles = PLAN_TITLES_ES if language == "es" else PLAN_TITLES
    blocks = []
    for number, key, text in sections:
        mark = "♥" if key == "reasons" else f"{number}."
        blocks.append(f"<b>{mark} {esc(titles[key])}</b>\n{esc(text)}")
    return "\n\n".join(blocks)


def plan_view(body: str, updated: date | None) -> str:
    """The whole plan as its own message."""
    when = f" <i>(updated {updated:%b} {updated.day})</i>" if updated else ""
    return f"<b>My safety plan</b>{when}\n\n{body}"
