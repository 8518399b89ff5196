"""Crisis responses to patients and urgent alerts to counselors.

Reviewed wording principles: direct and warm, no judgement, resources first, one question
("Are you safe right now?"), and never a promise that someone is watching around the clock.
"""

from __future__ import annotations

from datetime import datetime

from bot.texts.alert_notes import _written, first_late_note, said_again
from bot.texts.base import esc, span, zoned

BTN_SAFE = "I'm safe right now"
BTN_NOT_SAFE = "I'm not safe"
BTN_MISREAD = "You misunderstood me"
BTN_SHOW_MESSAGE = "Show message"
BTN_ACKNOWLEDGE = "Acknowledge"
BTN_URGE_SURFING = "Try urge surfing"
BTN_NOT_NOW_RELAPSE = "Not now"


CRISIS_SAFE = (
    "Thank you for telling me. I'm glad you're safe right now. If that changes, use /sos or one of "
    "the lines above, any time."
)
CRISIS_MISREAD = (
    "Thanks for telling me, and sorry if I got that wrong. To be safe, your counselor has still "
    "been told; they may check in with you."
)
CRISIS_ALREADY_ANSWERED = "Got your answer already. Your counselor has been told."
NOT_SAFE_FOLDED = (
    "It joins their “not safe” alert that is still open, not an alert of its own: please reach out and "
    "acknowledge it."
)
_ANSWER_WORDS = {
    "safe": ("answered “I'm safe right now”", ""),
    "notsafe": ("answered “I'm not safe”", " A new urgent alert follows."),
    "misread": ("answered “You misunderstood me”", " The alert stays open until someone acknowledges it."),
    # gaps11 #1: "idk", "no sé" typed under the question; taken as "not safe" (the patient was told so).
    "unsure": (
        "answered “not sure” when asked if they are safe (taken as not safe)",
        " A new urgent alert follows.",
    ),
}


def patient_answered(alias: str, answer: str, at: datetime, *, times: int = 0) -> str:
    """The patient's own answer to "Are you safe right now?", following the counselor's alert; ``times``: a
    "not safe" folded into the one still open (how many times they have said it now), no new alert."""
    said, then = _ANSWER_WORDS.get(answer, (f"answered {esc(answer)}", ""))
    if answer in ("notsafe", "unsure") and times > 1:
        said = "answered “not sure” if they are safe" if answer == "unsure" else "answered “I'm not safe”"
        said, then = f"{said} again ({times} times now)", " " + NOT_SAFE_FOLDED
    return f"↪ <b>{esc(alias)}</b> {said}, {zoned(at)}.{then}"


CRISIS_REASON_SEE_ALERT = "(given in crisis words: see the urgent alert)"
# After a use or an urge mid-check-in (never after a crisis answer or /sos: not the moment to push it).
# True either way: a typed number or a tap answers the open question, /checkin shows it again.
CHECKIN_STILL_OPEN = "Your check-in is still open: answer its question whenever you're ready, or send /checkin to see it again."

# After use was disclosed: no assumption that a craving is still on (the use may be over), and honest that
# the counselor sees it (a flag on their page, whether or not the alert reaches them now). Nothing about how
# urgently: a check-in whose answers page the counselor says "as urgent" right after (newcomer finding 9-12).
RELAPSE_RESPONSE = (
    "Thank you for being honest with me; that takes courage. A slip doesn't erase the work "
    "you've done, and it is something to talk through, not to hide: your counselor will see this "
    "too, so you can go over it together. If urges are still pulling at you, "
    "urge surfing can help you ride them out. Would you like to try it now?"
)

CRAVING_RESPONSE = (
    "Thank you for telling me. Cravings that strong are hard, and they do pass: they rise and fall "
    "like a wave. Would you like to try riding this one out with urge surfing?"
)

# What the patient did, as the rest of a sentence that starts with their alias.
_KIND = {
    "crisis": "talked about ending their life",
    # The learned layer alone: what we know, never a guessed kind (newcomer6 finding 38).
    "crisis_unclear": "wrote words the screen reads as a <b>crisis</b>; what about is not clear (read them: Show message)",
    # newcomer9 N10: the learned layer read a crisis where the rules read an urge or a dealer's door.
    "strong_craving": (
        "wrote about a <b>strong craving</b>, maybe at a place of use (paged: the screen reads the words as a crisis; "
        "read them: Show message)"
    ),
    # Session 22: the learned layer read a crisis where the rules read only someone else at risk.
    "other_at_risk": (
        "wrote that <b>someone else</b> may be about to end their life (paged: the screen reads the words as a "
        "crisis; it may be their own too: read them, Show message)"
    ),
    # newcomer24 N252, N273: crisis words in a message they forwarded from another chat.
    "forwarded": (
        "<b>forwarded</b> a message from another chat in which someone talks about ending their life (maybe "
        "someone else's words, maybe their own from elsewhere: read them, Show message)"
    ),
    "forwarded_overdose": (
        "<b>forwarded</b> a message from another chat about an <b>overdose</b>, taken or planned (maybe someone "
        "else's, maybe their own: read them, Show message)"
    ),
    "overdose": "wrote about an <b>overdose</b>",
    "overdose_other": "wrote that <b>someone with them</b> may have <b>overdosed</b>",
    "self_harm": "talked about hurting themselves",
    "abuse": "said someone is hurting them",
    # newcomer9 N45: a child at home hurt or sexually abused now; the counselor is a mandated reporter.
    "child_abuse": (
        "said <b>a child</b> at home is being sexually abused or hurt now (a report you may be mandated to make; "
        "read their words: Show message)"
    ),
    "harm_others": "talked about hurting someone else",
    "sos": "asked for you from the SOS screen",
    "phq9": "reported thoughts of self-harm or of being better off dead on the weekly questionnaire",
    # newcomer6 finding 10: "prefiero no contestar esa" was carded as "reported thoughts of self-harm".
    "phq9_words": (
        "answered item 9 of the weekly questionnaire (thoughts of self-harm or of being better off dead) in "
        "words the bot could not read as an answer (paged to be safe; what they wrote: Show message)"
    ),
    "relapse": "mentioned substance use in a message (not urgent)",
    "not_safe": "said they are <b>not safe</b> right now",
    "not_sure": "could not say they are safe right now (answered “<b>not sure</b>”; taken as not safe)",
    "withdrawn_crisis": (
        "wrote a message with crisis language after withdrawing with /stop (nothing they wrote was kept)"
    ),
    "withdrawn_overdose": (
        "wrote about an <b>overdose</b> after withdrawing with /stop (nothing they wrote was kept)"
    ),
    "withdrawn_self_harm": (
        "talked about hurting themselves after withdrawing with /stop (nothing they wrote was kept)"
    ),
    "withdrawn_abuse": "said someone is hurting them after withdrawing with /stop (nothing they wrote was kept)",
    "withdrawn_harm_others": (
        "talked about hurting someone else after withdrawing with /stop (nothing they wrote was kept)"
    ),
    "checkin": "gave check-in answers at an urgent level (the answers: Show message)",
    "invitee_crisis": (
        "opened their invitation and wrote words that read as a crisis before agreeing to the program's "
        "terms (nothing they wrote is kept; they got the crisis lines)"
    ),
}


def _what(kind: str) -> str:
    if kind.startswith("invitee_") and kind != "invitee_crisis":  # newcomer N22: the kind, as after /stop
        return _KIND["invitee_crisis"].replace("wrote words that read as a crisis", _KIND[kind[8:]], 1)
    return _KIND.get(kind, "needs your attention (" + esc(kind.replace("_", " ")) + ")")


def counselor_alert(
    kind: str,
    alias: str,
    at: datetime,
    round_: int,
    minutes_open: int,
    *,
    last: bool = False,
    written: datetime | None = None,
    again: tuple[datetime, ...] = (),
    enrolled: bool = False,
    first_late: bool = False,
) -> str:
    """The urgent alert: who, what kind and when, never the message itself (that is behind a button).
    ``first_late``: nobody had it yet though its reminders fell due (Telegram was out of reach): the first card,
    said so (ops O83: "Still not acknowledged after 8 min … last reminder" read as 8 minutes ignored).
    ``enrolled``: someone who wrote crisis words before agreeing has agreed since, so the bot can reach them.
    The last reminder says so: after it the bot sends nothing more, so silence must not read as handled.
    ``written``: they wrote it well before the bot read it (down or behind); the card says when."""
    if kind == "relapse":
        return f"Flag: <b>{esc(alias)}</b> {_what(kind)}, {zoned(at)}." + _written(at, written)
    head = (
        "🚨 <b>Urgent</b>"
        if round_ == 0 or first_late
        else f"🚨 <b>Still not acknowledged after {span(minutes_open)}</b>"
    )
    text = (
        f"{head}: <b>{esc(alias)}</b> {_what(kind)}, {zoned(at)}.{said_again(again, kind)}"
        f"{_written(at, written)}"
    )
    invitee = kind.startswith("invitee_")
    reach = _ENROLLED_SINCE if enrolled and invitee else _REACH.get(kind, _REACH_OUT)
    if invitee and not enrolled:
        reach = _REACH.get(kind, _REACH["invitee_crisis"])
    text += f"\n{reach}"
    if first_late:
        text += first_late_note(minutes_open, last=last)
    elif last and round_ > 0:
        text += (
            "\n⚠️ This is the <b>last reminder</b>: the bot will not send this alert again. It stays open on "
            "their page until someone acknowledges it. The program's admins have this reminder too."
        )
    return text


_REACH_OUT = "Please reach out to them, then tap Acknowledge."
# newcomer9 N26: the card kept "can't ask them more before they agree" after they had agreed.
_ENROLLED_SINCE = (
    "They have agreed and enrolled since: you can write to them here with “Message patient”, or reach them "
    "with the contact details your program holds. Then tap Acknowledge."
)
_AFTER_STOP = (
    "The bot can't message them after /stop. Please reach them with the contact details your program "
    "holds (their phone), then tap Acknowledge."
)
_REACH = {
    # The bot may not write to them after /stop; they were told their counselor may contact them another way.
    "withdrawn_crisis": _AFTER_STOP,
    "withdrawn_self_harm": _AFTER_STOP,
    "withdrawn_abuse": _AFTER_STOP,
    "withdrawn_harm_others": _AFTER_STOP,
    "withdrawn_overdose": (
        "The bot can't message them after /stop. Call them now with the contact details your program holds; "
        "if they do not answer, call emergency services to the address your program holds. Then tap "
        "Acknowledge."
    ),
    # Not enrolled: the bot can ask them nothing more until they agree, and keeps nothing they wrote.
    "invitee_crisis": (
        "The bot can't ask them more before they agree. Please reach them with the contact details your "
        "program holds, then tap Acknowledge."
    ),
    "invitee_overdose": (
        "The bot can't ask them more before they agree. Call them now with the contact details your program "
        "holds; if they do not answer, call emergency services to the address it holds. Then tap Acknowledge."
    ),
}


ALERT_NOT_YOURS = "This alert isn't for you."
ALERT_ALREADY = "Already acknowledged."
ALERT_THANKS = "Acknowledged. Thank you."


def alert_what(kind: str) -> str:
    """What the patient did, as the rest of a sentence that starts with their alias (HTML)."""
    return _what(kind)
