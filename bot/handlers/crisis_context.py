"""A message read with the crisis it follows (newcomer8's N15).

The screen reads each message alone. Minutes after "i cant stop thinking about killing myself", with its alert
still open, "i took all 30 of them" was a "check" ("your counselor will see this at their next review"): under
an open alert, a report of having taken something (bot/domain/screen/taken.py) is an overdose, answered and
alerted as one.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update

from bot.domain.burst import PIECE, READ_TOGETHER, quick_pieces, read_burst, read_together
from bot.domain.emoji import emoji_assessment
from bot.domain.farewell_burst import farewell_after_despair, signs_after_question
from bot.domain.models import Patient
from bot.domain.overdose_signs import worse_signs
from bot.domain.screen.assess import Assessment, Level
from bot.domain.screen.taken import taking_in
from bot.handlers.crisis_again import replayed
from bot.handlers.people import written_at
from bot.handlers.safety_buttons import CHECK
from bot.handlers.screened import answers_checkin
from bot.telegram.services import Context
from bot.usecases.alert_since import burst_before
from bot.usecases.check_burst import check_burst
from bot.usecases.kept_burst import kept_pieces
from bot.usecases.patient_text import alert_followed

log = logging.getLogger(__name__)
AFTER_ALERT = "crisis:overdose.after_alert"  # crisis_kind reads "overdose"
WORSE = "crisis:overdose.getting_worse"  # the same, for signs of it getting worse (newcomer15 N123)


async def in_context(context: Context, update: Update, text: str, assessment: Assessment) -> Assessment:
    """The assessment, raised to an overdose when the text reports a taking while an alert about the patient
    is open, to a crisis when read with the words just before it a new warning sign shows (newcomer15 N125:
    "bye" after "i have the rope"), with no alert to the level of the burst it ends when the pieces kept
    just before read higher with it (newcomer16 N125: "i cant do this" / "im done"), or to a check when
    emoji alone show a means of harm ("🔫", "💊💊💊": bot/domain/emoji.py); unchanged otherwise."""
    assessment = emoji_assessment(text, assessment)
    if assessment.level == Level.CRISIS or update.effective_user is None:
        return assessment
    svc = context.svc
    patient = await svc.db(svc.repo.patient_by_telegram, update.effective_user.id)
    alert = await svc.db(alert_followed, svc.repo, patient.patient_id, svc.now()) if patient else None
    if patient is None:
        return assessment
    if alert is None:
        farewell = await _farewell(context, update, patient, text, assessment)
        return farewell or await _burst(context, update, patient, text, assessment)
    if await replayed(update, context, patient, text):
        # This very message raised the alert before a crash (a goodbye in pieces, newcomer18 N178, reads nothing
        # new beside the alert's own words): read as it was then, so the screen neither answers nor passes it again.
        return Assessment(Level.CRISIS, (READ_TOGETHER,), assessment.language, assessment.clauses)
    if alert.kind == "overdose" and worse_signs(text):  # "idk feel kinda sleepy" (newcomer15 N123)
        return Assessment(Level.CRISIS, (WORSE, *assessment.reasons), assessment.language, assessment.clauses)
    if not taking_in(text, assessment.clauses):
        earlier = await svc.db(burst_before, svc.repo, alert, svc.now())
        return read_together(earlier, text, svc.now().year) or assessment
    # The open check-in question's own answer ("sí me las tomé" at "Did you take your medication?") is not a
    # report of the pills taken (newcomer15 N122: paged as an overdose, the patient told to call 911); "all of
    # them", "the whole bottle" or a number there still is.
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    if not _too_much(text, assessment) and await answers_checkin(context, patient, pending, text):
        return assessment
    return Assessment(
        Level.CRISIS, (AFTER_ALERT, *assessment.reasons), assessment.language, assessment.clauses
    )


_PIECES = "_iop_burst_pieces"


async def _burst(context: Context, update: Update, patient: Patient, text: str, assessment: Assessment) -> Assessment:  # fmt: skip
    """The reading of the quick run of kept pieces ending with this new message, when higher than its own."""
    if update.message is None or text.startswith("/") or assessment.level.rank >= Level.CHECK.rank:
        return assessment  # an edit or a command's words are not a piece of a burst
    svc = context.svc
    kept = await svc.db(kept_pieces, svc.repo, patient.patient_id, svc.now())
    pieces = quick_pieces(kept, written_at(update, context) or svc.now()) if kept else []
    found = read_burst(pieces, text, assessment, svc.now().year)
    if found is None:
        return assessment
    setattr(context, _PIECES, pieces)  # one context per update (bot/handlers/screened.py)
    return found


_FAREWELL = "_iop_farewell_pieces"


async def _farewell(context: Context, update: Update, patient: Patient, text: str, assessment: Assessment) -> Assessment | None:  # fmt: skip
    """A goodbye told in pieces while the safety question they follow waits: after the hopelessness it asked
    about (newcomer18 N178: "estoy harta de todo" / "perdónenme" / "los quiero mucho"), or adding a sign of its own
    (newcomer21 N186: "thanks for everything. really." / "this is the last time you'll hear from me" / "bye"): a
    crisis; None otherwise."""
    svc = context.svc
    if update.message is None or text.startswith("/") or len(text) > PIECE:
        return None  # an edit, a command or a long message: read by itself
    # Here, not at the top: crisis_answers imports the crisis handlers, which import this module.
    from bot.handlers.crisis_answers import question_waiting

    try:
        asked = await question_waiting(context, patient)
        if asked is None or asked[2] != CHECK:
            return None  # answered ("I'm safe", then "sorry, love you all"), or no question asked
        earlier = await svc.db(check_burst, svc.repo, patient.patient_id, svc.now())
    except Exception as exc:  # a torn file or a full disk: the words are read by themselves, never held up
        log.warning("patient %s: words under the safety question not read (%s)", patient.patient_id, exc)
        return None
    year = svc.now().year
    found = (farewell_after_despair(earlier, text, year) or signs_after_question(earlier, text, year)) if earlier else None  # fmt: skip
    if found is not None:
        setattr(context, _FAREWELL, earlier)  # one context per update: the alert's words
        log.info("patient %s: a goodbye in pieces after an open safety question", patient.patient_id)
    return found


def farewell_pieces(context: Context) -> list[str]:
    """The messages a goodbye in pieces was read with (none otherwise): the alert's words carry them."""
    return list(getattr(context, _FAREWELL, []))


def burst_pieces(context: Context) -> list[str]:
    """The kept pieces this update's words were read with (none when read alone)."""
    return list(getattr(context, _PIECES, []))


def _too_much(text: str, assessment: Assessment) -> bool:
    """Whether a taking says how much: all of them, the whole bottle, many, a number."""
    said = {c for clause, _ in assessment.clauses for concepts in clause for c in concepts}
    return bool(said & MUCH) or any(ch.isdigit() for ch in text)


MUCH = frozenset({"ALL_OF_THEM", "SWALLOW_ALL", "MANY", "IT_ALL"})


def text_of(update: Update) -> str | None:
    """The words a message, edit or caption carries to screen; None for a bare command."""
    message = update.effective_message
    if message is None:
        return None
    text = message.text or message.caption
    # A bare command ("/checkin") carries nothing to screen; "/start I want to die" does.
    if text and text.startswith("/") and " " not in text.strip():
        return None
    return text


def goes_on_flow(update: Update, pending: dict[str, Any] | None) -> bool:
    """Whether the text also answers an open flow (a new plain message while the bot waits for text)."""
    message = update.message
    text = message.text if message is not None else None
    return pending is not None and text is not None and not text.startswith("/")
