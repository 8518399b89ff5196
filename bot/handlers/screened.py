"""What the crisis screen already did with this update, for the flow the text also answers.

The screen runs first (its own handler group) and, when a patient is in the middle of a flow, lets
the text go on to that flow so nothing they gave is lost. The flow then keeps the answer but stays
quiet: the screen's answer is the one reply, never followed by "that's not a number".
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from bot.domain.checkins import answers_question
from bot.domain.models import Patient
from bot.telegram.services import Context

log = logging.getLogger(__name__)

_KEY = "_iop_screened"
_LANGUAGE = "_iop_screened_language"


def screened(context: Context) -> str | None:
    """The level the screen answered this update at ("crisis", "relapse", ...), or None."""
    level = getattr(context, _KEY, None)
    return str(level) if level is not None else None


def screened_language(context: Context) -> str:
    """The language the screen read this update in ("en" when it did not answer it)."""
    return str(getattr(context, _LANGUAGE, "en"))


def mark_screened(context: Context, level: str, language: str = "en") -> None:
    """Record that the screen answered this update (PTB uses one context per update, across groups)."""
    setattr(context, _KEY, level)
    setattr(context, _LANGUAGE, language)


_ASKED = "safety_asked:"


def safety_asked(context: Context, patient_id: str, message_id: int, language: str, kind: str) -> None:
    """Remember the open "Are you safe right now?" in memory at once (bot/handlers/crisis_answers.py reads
    a typed answer); `keep_safety_question` then writes it to the patient's file."""
    context.svc.state.safety_asked[patient_id] = (message_id, language, kind, context.svc.now())


async def keep_safety_question(context: Context, patient_id: str) -> None:
    """Keep the open question in the patient's file, so a typed "no" after a restart is still its answer
    and never an ordinary message. Called after the alert is raised: a full disk or an unreadable file
    must not hold up the crisis answer or the page, so a failure here is logged, not raised."""
    svc = context.svc
    asked = svc.state.safety_asked.get(patient_id)
    if asked is None:
        return
    message_id, language, kind, at = asked
    key = f"{_ASKED}{at.isoformat()}|{message_id}|{language}|{kind}"
    try:
        await svc.db(svc.repo.mark_sent, patient_id, key)
    except Exception:  # any store failure: the question still works from memory, and this is logged
        log.exception("patient %s: the open safety question is kept in memory only", patient_id)


async def open_safety_question(context: Context, patient_id: str) -> tuple[int, str, str, datetime] | None:
    """The newest "Are you safe right now?" asked of this patient: from memory, or after a restart from
    their file (message id, language, kind, when asked)."""
    svc = context.svc
    asked = svc.state.safety_asked.get(patient_id)
    if asked is not None:
        return asked
    key = await svc.db(svc.repo.newest_claim, patient_id, _ASKED)
    if key is None:
        return None
    try:
        at, message_id, language, kind = key.removeprefix(_ASKED).split("|")
        return int(message_id), language, kind, datetime.fromisoformat(at)
    except ValueError:
        log.error("patient %s: unreadable open safety question %r", patient_id, key)
        return None


async def answers_checkin(
    context: Context, patient: Patient, pending: dict[str, Any] | None, text: str, *, told_use: bool = False
) -> bool:
    """Whether the text is the open check-in question's answer ("sí, me las tomé" at the medication
    question: newcomer finding 10b-4; a use told at the use question: N185), which the check-in takes
    instead of the screen's relapse reply."""
    if pending is None or pending.get("kind") != "checkin" or text.startswith("/"):
        return False
    draft = await context.svc.db(context.svc.repo.draft, patient.patient_id)
    return answers_question(context.svc.checkin, draft, text, told_use=told_use)


async def reminder_since_question(context: Context, patient_id: str) -> bool:
    """Whether a session reminder came after the newest "Are you safe right now?" (newcomer9 N14: "running like
    10 min late" under a reminder sent after a crisis was passed on as words and no RSVP recorded): words typed
    then answer the reminder; the question's people still get them while its alert is followed."""
    svc = context.svc
    key = await svc.db(svc.repo.newest_claim, patient_id, (_ASKED, "remind:"))
    return key is not None and key.startswith("remind:")
