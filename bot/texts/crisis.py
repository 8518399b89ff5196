"""Crisis responses to patients and urgent alerts to counselors.

Reviewed wording principles: direct and warm, no judgement, resources first, one question
("Are you safe right now?"), and never a promise that someone is watching around the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import MAX_MESSAGE, bullet_lines, clock, esc

BTN_SAFE = "I'm safe right now"
BTN_NOT_SAFE = "I'm not safe"
BTN_MISREAD = "You misunderstood me"
BTN_SHOW_MESSAGE = "Show message"
BTN_ACKNOWLEDGE = "Acknowledge"
BTN_URGE_SURFING = "Try urge surfing"
BTN_NOT_NOW_RELAPSE = "Not now"


def crisis_response(lines: Sequence[str], after_hours: str, plan: str | None, told_counselor: bool) -> str:
    """The first answer to crisis language: resources, the plan, and one question."""
    extra = f"\n• Our after-hours line: {esc(after_hours)}" if after_hours else ""
    told = "\n\nI've let your counselor know, so they can reach out." if told_counselor else ""
    plan_block = f"\n\n<b>Your safety plan</b>\n{plan}" if plan else ""
    return (
        "I'm really glad you told me. What you're going through matters, and you don't have to "
        "face it alone.\n\n<b>Please reach out to someone now:</b>\n"
        f"{bullet_lines(lines)}{extra}{told}{plan_block}\n\n<b>Are you safe right now?</b>"
    )


CRISIS_SAFE = (
    "Thank you for telling me. I'm glad you're safe right now. If that changes, use /sos any time, "
    "or call or text 988."
)
CRISIS_NOT_SAFE = (
    "Please call <b>911</b> now, or go to the nearest emergency room. If you can, stay with "
    "someone you trust and move away from anything you could use to hurt yourself. I've told your "
    "counselor this is urgent."
)
CRISIS_MISREAD = (
    "Thanks for telling me, and sorry if I got that wrong. To be safe, your counselor has still "
    "been told; they may check in with you."
)
CRISIS_ALREADY_ANSWERED = "Got your answer already. Your counselor has been told."
_ANSWER_WORDS = {
    "safe": "answered “I'm safe right now”",
    "notsafe": "answered “I'm NOT safe”. A new urgent alert follows",
    "misread": "answered “You misunderstood me”. The alert stays open until someone acknowledges it",
}


def patient_answered(alias: str, answer: str, at: datetime) -> str:
    """The patient's own answer to "Are you safe right now?", following the counselor's alert."""
    return f"↪ <b>{esc(alias)}</b> {_ANSWER_WORDS.get(answer, esc(answer))}, at {clock(at.time())}."


CRISIS_REASON_SEE_ALERT = "(given in crisis words: see the urgent alert)"
CRISIS_CHECKIN_KEPT = "Your check-in is kept where you left off. Send /checkin to continue when you're ready."
CRISIS_STRANGER = "If you are in danger or thinking about harming yourself, please reach out now:\n{lines}"

RELAPSE_RESPONSE = (
    "Thank you for being honest with me; that takes courage. A slip doesn't erase the work "
    "you've done. Cravings rise and fall like a wave. Would you like to try riding this one out "
    "with urge surfing?"
)

CRAVING_RESPONSE = (
    "Thank you for telling me. Cravings that strong are hard, and they do pass: they rise and fall "
    "like a wave. Would you like to try riding this one out with urge surfing?"
)

_KIND = {
    "crisis": "crisis language in a message",
    "sos": "asked for help with SOS",
    "phq9": "weekly questionnaire: thoughts of being better off dead or of self-harm",
    "relapse": "mentioned substance use (non-urgent)",
    "not_safe": "said they are NOT safe right now",
    "withdrawn_crisis": "(withdrew from the program with /stop) wrote in crisis words; nothing they wrote was kept",
    "checkin": "check-in answers at an urgent level (today's answers are on their page)",
}


def counselor_alert(kind: str, alias: str, at: datetime, round_: int, minutes_open: int) -> str:
    """The urgent alert: who and what kind, never the message itself (that is behind a button)."""
    what = _KIND.get(kind, kind)
    if kind == "relapse":
        return f"Flag: <b>{esc(alias)}</b> {what}, at {clock(at.time())}."
    head = "🚨 <b>Urgent</b>" if round_ == 0 else f"🚨 <b>Still not acknowledged after {minutes_open} min</b>"
    return (
        f"{head}: <b>{esc(alias)}</b> {what}, at {clock(at.time())}.\n"
        "Please reach out to them, then tap Acknowledge."
    )


def unsaved_alert(kind: str, alias: str, at: datetime) -> str:
    """The alert sent when the bot could not store it: no buttons, no escalation can follow."""
    what = _KIND.get(kind, kind)
    return (
        f"🚨 <b>Urgent</b>: <b>{esc(alias)}</b> {what}, at {clock(at.time())}.\n"
        "Please reach out to them now. The bot could not save this alert (its disk is full or "
        "read-only), so it cannot be acknowledged or escalated here: sent to the on-call team too."
    )


def alert_acknowledged(text: str, by: str, at: datetime) -> str:
    """The alert after someone took it."""
    return f"{text}\n\n✅ Acknowledged by {esc(by)} at {clock(at.time())}."


def alert_message(alias: str, text: str) -> str:
    """The patient's own words, shown to the counselor on request (cut to fit one message)."""
    # Telegram refuses a message over 4,096 characters: an uncut long message would never be shown.
    room = MAX_MESSAGE - len(alias) - 40
    words = text if len(text) <= room else text[: room - 8] + " … (cut)"
    return f"Message from <b>{esc(alias)}</b>:\n<blockquote>{esc(words)}</blockquote>"


ALERT_NOT_YOURS = "This alert isn't for you."
ALERT_ALREADY = "Already acknowledged."
ALERT_THANKS = "Acknowledged. Thank you."
