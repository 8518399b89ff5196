"""Crisis safety net: every patient text is screened before anything else sees it.

The screen answers first. When the patient is in the middle of a flow (a check-in note, an RSVP
reason, a date for /dayssince, a time zone) the text then goes on to that flow, which keeps what
it can and stays quiet (see ``bot/handlers/screened.py``), so a crisis never costs the patient
what they gave. Otherwise the screen's answer is the only reply.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.domain.crisis_kind import (
    CrisisKind,
    answer_kind,
    crisis_kinds,
    danger_from_others,
    danger_now,
    with_whose,
)
from bot.domain.crisis_lines import answer_lines, lines_for
from bot.domain.escalation import AlertKind
from bot.domain.forwarded import forwarded_reading
from bot.domain.language import reply_language
from bot.domain.models import Patient
from bot.domain.opt_out import learned_check_only, only_learned_check
from bot.domain.plea import plea_read_as_check
from bot.domain.screen.assess import Level, assess
from bot.handlers import rsvp
from bot.handlers.crisis_again import joined, replayed
from bot.handlers.crisis_check import check
from bot.handlers.crisis_context import farewell_pieces, goes_on_flow, in_context, text_of
from bot.handlers.crisis_item9 import item9_words
from bot.handlers.crisis_plan import plan_paused, reviewed_not_paged
from bot.handlers.crisis_stranger import without_consent
from bot.handlers.follow import pass_followed
from bot.handlers.relapse import flag_use_told, relapse_reply, use_or_craving
from bot.handlers.safety_buttons import safety_buttons
from bot.handlers.safety_retry import retry_later
from bot.handlers.screened import answers_checkin, keep_safety_question, mark_screened, safety_asked
from bot.jobs.alerts import raise_alert
from bot.jobs.reach import who_can_be_told
from bot.store.storage import RecordsUnavailable
from bot.telegram.keyboards import reply, reply_surely
from bot.telegram.services import Context
from bot.telegram.unavailable import mark_helped
from bot.usecases import patient_text
from bot.usecases.patient_text import KEEP_FOR, follow

log = logging.getLogger(__name__)


async def screen(update: Update, context: Context) -> None:
    """Messages, edits and captions: crisis language gets the crisis response first, whatever flow is open."""
    text, user = text_of(update), update.effective_user
    if not text or user is None:
        return
    svc = context.svc
    assessment = await in_context(context, update, text, assess(text, year=svc.now().year))  # and its alert
    level = str(assessment.level)
    if assessment.level == Level.NONE or only_learned_check(assessment.reasons, text):
        return  # nothing worrying; or "please stop texting me", read by the layer alone: how to stop (rights.py)
    if plea_read_as_check(assessment.reasons, text):
        return  # "help me please im scared", read by the layer alone: the SOS screen (bot/handlers/sos.py)
    if text.startswith("/") and assessment.level in (Level.RELAPSE, Level.CRAVING):
        return  # a command's argument ("/dias desde el 1 de noviembre") is no disclosure (newcomer10 N37)
    if await svc.db(svc.repo.counselor, user.id) is not None:
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    if patient is None:
        if assessment.level == Level.CRISIS:
            kinds = with_whose(crisis_kinds(assessment.reasons, assessment.clauses), text)
            others = danger_from_others(kinds, assessment.reasons, assessment.clauses)
            now = danger_now(
                kinds, assessment.clauses
            )  # someone hurting them there now: the emergency number first
            await without_consent(
                update, context, user.id, kinds, assessment.language, others=others, now=now
            )
            raise ApplicationHandlerStop
        if assessment.level == Level.CHECK:
            # No counselor to tell: the lines, gently, and nothing stored.
            lines = lines_for(svc.settings, None, assessment.language).lines
            await reply(update, texts.check_for_stranger(lines, assessment.language))
            raise ApplicationHandlerStop
        return
    try:
        pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    except RecordsUnavailable:
        pending = None  # crisis help never depends on a patient file that does not open
    if (
        pending is None
        and learned_check_only(assessment.reasons)
        and await rsvp.answers_reminder(context, patient, text)
    ):
        return  # "ill be there tonight", read by the layer alone: the RSVP, as unworrying words (newcomer14 N104)
    if assessment.level != Level.CRISIS and _typed_answer(context, pending, text):
        return  # the form takes it: "a las 7 de la noche" typed for the check-in time is not a relapse
    if assessment.level in (Level.RELAPSE, Level.CRAVING) and await answers_checkin(
        context, patient, pending, text, told_use=assessment.level == Level.RELAPSE
    ):
        return  # the check-in's own answer ("sí, me las tomé"): its use and medication answers carry it
    goes_on = goes_on_flow(update, pending)
    language = reply_language(text, assessment.language, patient.language)
    if await reviewed_not_paged(context, patient, pending, text):
        # A safety-plan step naming warning signs: saved by the plan, reviewed by the counselor; worrying words
        # or a craving there no more asked about than crisis words (newcomer10 N38: "when i start drinking
        # alone again" at step 1 got "are you safe right now?" and "cravings that strong are hard").
        return
    if assessment.level == Level.CRISIS:
        # Nothing about an open check-in follows: the crisis answer stands alone (its buttons still work).
        kinds = with_whose(crisis_kinds(assessment.reasons, assessment.clauses), text)
        # From another chat: a helper's answer, carded as forwarded (newcomer24 N252, N273).
        forward = forwarded_reading(kinds, assessment.reasons) if _forwarded(update) else None
        kinds, alert_kind = forward if forward is not None else (kinds, None)
        # At PHQ-9 item 9: carded as the item, the question quoted (newcomer22 N237).
        item9 = await item9_words(context, patient, pending, text)
        alert_kind, said = ("phq9_words", item9) if item9 is not None else (alert_kind, text)
        others = danger_from_others(
            kinds, assessment.reasons, assessment.clauses
        )  # the domestic-violence line
        now = danger_now(kinds, assessment.clauses)
        # The same kind again while its alert is open joins it, with a shorter answer (newcomer9 N40); this very
        # message replayed after a crash, once alerted on, is neither (newcomer12 N68).
        if await replayed(update, context, patient, text):
            pass
        elif not await joined(
            update,
            context,
            patient,
            text,
            kinds,
            language,
            others=others,
            now=now,
            reasons=assessment.reasons,
        ):
            await _crisis(
                update, context, patient, said, kinds, alert_kind, language=language, others=others, now=now
            )
        await flag_use_told(update, context, patient, assessment)  # after the page: it never waits on this
        if goes_on and await plan_paused(update, context, patient, pending, language):
            goes_on = False
    elif assessment.level == Level.CHECK:
        await check(update, context, patient, assessment, text, language)
        # "I relapsed and I give up": the use or the urge is answered too.
        for also in (Level.RELAPSE, Level.CRAVING):
            if assessment.has(also):
                await relapse_reply(update, context, patient, text, str(also), language)
                break
    elif (kind := use_or_craving(assessment)) is not None:
        await relapse_reply(update, context, patient, text, kind, language)
        # While a crisis alert about them is open, these words reach its people too, as any others do
        # (newcomer7 finding N22: "ok. im home. i'll pick up", read as a craving, reached nobody).
        followed = await svc.db(follow, svc.repo, patient, text, svc.now())
        if followed is not None:
            await pass_followed(update, context, patient, followed, language)
    else:
        return  # other levels are answered by their own handlers
    mark_screened(context, level, language)
    if not goes_on:
        # An answer to a session reminder in these words is recorded too (newcomer14 N93, N94: it was dropped).
        await rsvp.typed_answer(update, context, patient, text, beside=level)
        # The screen's answer is the reply: never followed by "that's not a number" or a fallback.
        raise ApplicationHandlerStop


def _forwarded(update: Update) -> bool:
    return update.message is not None and update.message.forward_origin is not None


def _typed_answer(context: Context, pending: dict[str, Any] | None, text: str) -> bool:
    """Whether the text is a whole answer (a time, a zone, a date) to the form the patient was asked."""
    is_answer = context.svc.hooks.typed_answers.get(str(pending.get("kind"))) if pending else None
    return is_answer is not None and is_answer(text, context.svc.now())


async def respond(update: Update, context: Context, patient: Patient, text: str, kind: AlertKind, typed: str = "") -> None:  # fmt: skip
    """The crisis response and a counselor alert, for a crisis a feature detects itself (PHQ-9 item 9). No
    "You misunderstood me" for a tapped answer: the bot read nothing into it. ``typed``: the patient's own
    words, which the bot did read (newcomer6 finding 10): answered in their language, with that button."""
    # In the patient's own language: a Spanish speaker gets "marca 2" and AYUDA (newcomer finding 9-8).
    language = reply_language(typed, assess(typed).language, patient.language) if typed else patient.language
    await _crisis(update, context, patient, text, ("crisis",), kind, language=language, misread=bool(typed))


async def _crisis(
    update: Update,
    context: Context,
    patient: Patient,
    text: str,
    kinds: tuple[CrisisKind, ...],
    alert_kind: AlertKind | None = None,
    *,
    language: str = "en",
    misread: bool = True,
    others: bool = False,
    now: bool = False,
) -> None:
    svc = context.svc
    lines, abuse, child = answer_lines(svc.settings, patient, language, others=others)
    # The kind only at DEBUG: at default levels the alert's own line ("alert … raised for patient …") says
    # what operations need, and log files do not name what happened to whom (README, Logs).
    log.debug("screen matched (%s) for patient %s", kinds, patient.patient_id)
    try:
        plan = await _plan(context, patient)
    except RecordsUnavailable:
        plan = None  # the crisis answer and the alert never wait on a file that does not open
    who = await who_can_be_told(svc, patient.counselor_id)
    try:
        open_alerts = await svc.db(svc.repo.open_alerts)
    except RecordsUnavailable:
        open_alerts = []  # the answer never waits on a store that does not open (the alert then says so)
    unanswered = any(a.patient_id == patient.patient_id and a.patient_told_at for a in open_alerts)
    # Only as good as who is reachable, and never "so they can reach out" after "they haven't answered" (N213).
    told = texts.crisis_told_in(language, who, bool(svc.settings.oncall), unanswered=unanswered)
    body = texts.crisis_answer(
        kinds,
        language,
        lines,
        abuse_lines=abuse,
        child_lines=child,
        after_hours=svc.settings.after_hours_phone,
        plan=plan,
        told=told,
        urge_button="strong_craving" in kinds,  # its button under it (bot/handlers/safety_buttons.py)
        now=now,
    )
    kind = answer_kind(kinds, others=others)
    buttons = safety_buttons(language, misread=misread, kind=kind, urge="strong_craving" in kinds)
    asked = await reply_surely(update, body, buttons)
    if asked is not None:
        mark_helped(update, context.chat_data)
        safety_asked(context, patient.patient_id, asked.message_id, language, kind)
        # On file before the alert: a kill -9 after the alert and before the end of this handler left the
        # question in memory only, and after the restart a typed "no" was passed on as words (newcomer16 N136).
        # A failure here is logged, never raised, so the page does not wait on it.
        await keep_safety_question(context, patient.patient_id)
    # The most urgent kind names the alert (the counselor reads the words behind "Show message"), with what
    # they typed before and kept unsent: the person calling them needs it more than the drawer does.
    try:
        earlier = await svc.db(patient_text.recent_kept, svc.repo, patient.patient_id, svc.now(), KEEP_FOR)
    except RecordsUnavailable:
        earlier = []  # a torn file: the alert goes with the words in hand, never waits on it
    # A goodbye in pieces (newcomer18 N178): the messages it was read with, each on its line, after it.
    words = texts.words_with_earlier(texts.words_after_pieces(text, farewell_pieces(context)), earlier)
    if _forwarded(update):
        words = texts.words_forwarded(words)
    if update.edited_message is not None:  # the reverse of N253: a message edited into crisis words
        words = texts.words_edited(
            words, update.edited_message.date
        )  # the caller should know they may be someone else's
    # Telegram's date of a typed message (None for a tapped answer): words that waited for the bot say so.
    written = update.message.date if update.message is not None else None
    unsent = asked is None
    await raise_alert(
        context.application, alert_kind or kinds[0], patient, words, reply_unsent=unsent, written_at=written
    )
    if earlier:  # after the alert holds them: a crash between leaves two copies, never none
        await svc.db(patient_text.forget_passed, svc.repo, patient.patient_id, earlier, svc.now())
    if asked is None:
        retry_later(
            update, context, body, buttons, patient_id=patient.patient_id, language=language, kind=kind
        )


async def _plan(context: Context, patient: Patient) -> str | None:
    """The patient's safety plan as HTML, when the safety-plan feature is present and filled in."""
    return await context.svc.hooks.render_safety_plan(context, patient)
