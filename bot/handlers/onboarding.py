"""Enrollment: /start with a code and consent; the set-up questions that follow are in setup_questions.py."""

from __future__ import annotations

import logging

from telegram import Update

from bot import texts
from bot.domain.enrollment import CodeProblem, code_shaped, confusable, hash_code, normalize_code
from bot.domain.escalation import Alert
from bot.domain.models import Patient, language_of
from bot.domain.reach import is_invite_code
from bot.handlers import consent, reach, returned
from bot.handlers.people import app_language, stranger_words
from bot.handlers.safety_buttons import safety_buttons
from bot.handlers.screened import keep_safety_question, safety_asked
from bot.handlers.setup_questions import SETUP_TIME as SETUP_TIME  # re-exported: callers say onboarding.X
from bot.handlers.setup_questions import SETUP_TZ as SETUP_TZ
from bot.handlers.setup_questions import ask_time as ask_time
from bot.handlers.setup_questions import ask_timezone as ask_timezone
from bot.handlers.setup_questions import patient_or_refusal as patient_or_refusal
from bot.handlers.setup_questions import resume_setup as resume_setup
from bot.handlers.setup_questions import time_button as time_button
from bot.handlers.setup_questions import time_text as time_text
from bot.handlers.setup_questions import timezone_button as timezone_button
from bot.handlers.setup_questions import timezone_text as timezone_text
from bot.jobs.reach import send_or_queue
from bot.telegram.keyboards import answer_query, close_buttons, reply, reply_surely
from bot.telegram.services import Context
from bot.texts.base import pick

log = logging.getLogger(__name__)

_PROBLEM_TEXT = {
    CodeProblem.UNKNOWN: (texts.CODE_UNKNOWN, texts.CODE_UNKNOWN_ES),
    CodeProblem.EXPIRED: (texts.CODE_EXPIRED, texts.CODE_EXPIRED_ES),
    CodeProblem.USED: (texts.CODE_USED, texts.CODE_USED_ES),
}
# Typed instead of tapping the consent button: pointed to the button (the code rides in it).
_AGREE_WORDS = frozenset({"acepto", "aceptar", "si", "sí", "de acuerdo", "ok", "i agree", "agree", "yes"})


async def start(update: Update, context: Context) -> None:
    """/start [CODE]: greet a known user, or begin enrollment with an invitation code."""
    svc, user = context.svc, update.effective_user
    if user is None:
        return
    counselor = await svc.db(svc.repo.counselor, user.id)
    if counselor is not None:
        await reach.counselor_started(update, context, counselor)
        if context.args and normalize_code(context.args[0]) is not None:
            # Staff trying the bot with their own account were shown the tools, nothing about the code
            # (newcomer9 N31), and the invitation stayed open with no word why.
            await reply(update, texts.PATIENT_CODE_FOR_COUNSELOR)
        return
    if context.args and is_invite_code(context.args[0]):
        await reach.accept_invite(update, context, context.args[0])
        return
    if user.id in svc.settings.oncall:
        await reach.oncall_started(context, user.id)
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    if patient is not None:
        # A second invitation: told so, and so is the counselor who made it.
        typed = " ".join(context.args or [])
        told = bool(typed) and await second_invitation(update, context, patient, typed)
        if not told and patient.is_set_up:
            await reply(update, pick(patient.language, texts.WELCOME_BACK, texts.WELCOME_BACK_ES))
        if not patient.is_set_up:
            await resume_setup(update, context, patient)
        return
    if not context.args:
        await reply(update, await stranger_words(update, context))
        return
    await try_code(update, context, " ".join(context.args))


async def second_invitation(update: Update, context: Context, patient: Patient, raw: str) -> bool:
    """An enrolled patient opened an open invitation (newcomer9 N55: "Welcome back", and it stayed open
    unexplained): they are told it was not used, and its counselor who made it, that it is still open. False
    for a code that opens nothing (counted against the same limit as any wrong code)."""
    svc, code = context.svc, normalize_code(raw)
    at = svc.now()
    if code is None:
        return False
    problem = await svc.db(svc.repo.check_code, patient.telegram_id, hash_code(code), at, *svc.code_limit)
    if problem is not None:
        return False
    invitation = await svc.db(svc.repo.code, hash_code(code))
    if invitation is None:
        return False
    await reply(update, pick(patient.language, texts.ALREADY_ENROLLED, texts.ALREADY_ENROLLED_ES))
    await svc.db(svc.repo.audit, at, patient.telegram_id, "invitation_opened_by_enrolled", patient.patient_id,
                 alias=invitation.alias)  # fmt: skip
    same = invitation.counselor_id == patient.counselor_id
    theirs = await svc.db(svc.repo.counselor_name, patient.counselor_id) or "another counselor"
    notice = texts.invitation_opened_by_enrolled(invitation.alias, patient.alias if same else None, theirs)
    await send_or_queue(context.bot, svc, invitation.counselor_id, notice)
    return True


async def stranger_text(update: Update, context: Context, text: str) -> None:
    """Text from someone not enrolled: a code attempt, or how to get one (nothing is stored)."""
    lang = app_language(update)
    if normalize_code(text) is None and not code_shaped(text):  # "ABCD1234": a code mistyped, told so (N34)
        if (code := consent.code_in(text)) is not None:  # "me dieron este codigo R5PJBG73"
            await try_code(update, context, code, consent.typed_language(text) or lang)
            return
        if await consent.under_consent(update, context, text):
            return
        agreeing = text.strip().casefold().strip(".!¡ ") in _AGREE_WORDS
        await reply(
            update,
            pick(lang, texts.CONSENT_TAP, texts.CONSENT_TAP_ES)
            if agreeing
            else await stranger_words(update, context),
        )
        return
    await try_code(update, context, text)


async def try_code(update: Update, context: Context, raw: str, lang: str | None = None) -> None:
    """Check an invitation code and, if good, ask for consent before storing anything."""
    svc, user = context.svc, update.effective_user
    assert user is not None
    code, lang = normalize_code(raw), lang or app_language(update)
    # Counted per Telegram user on disk, like the consent button's code below: one limit for all paths.
    problem = await svc.db(
        svc.repo.check_code, user.id, hash_code(code) if code else None, svc.now(), *svc.code_limit
    )
    if problem is CodeProblem.BLOCKED:
        await reply(update, _code_wait(svc.settings.code_attempt_window_minutes, lang))
        return
    if problem is not None or code is None:
        said = pick(lang, *_PROBLEM_TEXT[problem or CodeProblem.UNKNOWN])
        if code is None and confusable(raw):  # why: copied by hand, 1 for I, 0 for O (newcomer9 N34)
            said += "\n\n" + pick(lang, texts.CODE_CONFUSABLE, texts.CODE_CONFUSABLE_ES)
        await reply(update, said)
        return
    await consent.show(update, context, code, lang)


def _code_wait(minutes: int, lang: str) -> str:
    return texts.code_wait_es(minutes) if lang == "es" else texts.code_wait(minutes)


async def consent_answer(update: Update, context: Context) -> None:
    """The consent buttons: enroll on "I agree", store nothing on "Not now"."""
    svc, query, user = context.svc, update.callback_query, update.effective_user
    assert query is not None and user is not None and query.data is not None
    await answer_query(query)
    await close_buttons(update)
    _, choice, *rest = query.data.split(":")
    # The language the screen was read in rides in its buttons (older buttons: the app's).
    lang = language_of(rest[-1]) if rest and rest[-1] in ("en", "es") else app_language(update)
    if choice == "l" and rest:
        await consent.show(update, context, rest[0], lang)
        return
    if choice != "y":
        await reply(update, pick(lang, texts.CONSENT_DECLINED, texts.CONSENT_DECLINED_ES))
        return
    already = await svc.db(svc.repo.patient_by_telegram, user.id)
    if already is not None:
        await resume_setup(update, context, already)
        return
    code = normalize_code(rest[0]) if rest else None
    former = await svc.db(svc.repo.withdrawn_patient, user.id)  # back after /stop: their own record again
    # The check and the enrollment are one store call: two presses at once cannot both use the code,
    # and a forged button with a guessed code counts against the same limit as a typed one.
    # Their Telegram app's language is their first language here; the next message offers the other.
    result = await svc.db(
        svc.repo.enroll_with_code,
        user.id,
        hash_code(code) if code else None,
        svc.now(),
        *svc.code_limit,
        lang,
    )
    if result is CodeProblem.BLOCKED:
        await reply(update, _code_wait(svc.settings.code_attempt_window_minutes, lang))
        return
    if isinstance(result, CodeProblem):
        await reply(update, pick(lang, texts.CONSENT_STALE, texts.CONSENT_STALE_ES))
        return
    patient = result
    svc.state.consent_code.pop(user.id, None)  # a patient now: /idioma is theirs, no consent waits
    log.info("patient %s enrolled (counselor %s)", patient.patient_id, patient.counselor_id)
    returning = former.alias if former is not None and former.patient_id == patient.patient_id else None
    rows = await svc.db(svc.repo.patient_alerts, patient.patient_id)
    before = [a for a in map(Alert.from_dict, rows) if a.open and a.kind.startswith("invitee_")]
    closed = returning is not None and former is not None and former.closed_by_program  # newcomer22 N229
    previous = await returned.previous_counselor(context, former, patient)  # newcomer22 N219, N238
    await reach.tell_counselor(
        context,
        patient,
        returning,
        alert_open=bool(before),
        closed=closed,
        before=previous,
        group_left=_group_left(former, patient),
    )
    if previous and former is not None:
        await returned.hand_back(context, former, patient)
    await reply(update, texts.language_offer(patient.language), language_buttons())
    if before:
        await _ask_safe(update, context, patient, before[-1].kind)
        # Set-up is held, as after crisis words typed at its question: a typed answer still counts, and the
        # question is asked again after the routine hold (bot/jobs/setup_waiting.py).
        held = SETUP_TZ if patient.timezone is None else SETUP_TIME
        await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": held})
        return
    await resume_setup(update, context, patient)


async def _ask_safe(update: Update, context: Context, patient: Patient, kind: str) -> None:
    """Crisis words before "I agree" are still an open alert: "Are you safe right now?" before set-up goes on,
    as after crisis words typed at a set-up question (newcomer N22); its answer reaches the alert's people."""
    lang = patient.language
    answer = {"invitee_abuse": "abuse", "invitee_harm_others": "harm_others"}.get(kind, "")
    asked = await reply_surely(update, texts.safe_after_consent(lang), safety_buttons(lang, kind=answer))
    if asked is not None:
        safety_asked(context, patient.patient_id, asked.message_id, lang, answer)
        await keep_safety_question(context, patient.patient_id)


def language_buttons() -> list[list[tuple[str, str]]]:
    """English / Español, each named in its own language."""
    return [[(texts.BTN_ENGLISH, "lang:en"), (texts.BTN_SPANISH, "lang:es")]]


def _group_left(former: Patient | None, patient: Patient) -> str:
    """The group someone who came back was in, when their new invitation puts them in none (newcomer22 N241)."""
    same = former is not None and former.patient_id == patient.patient_id
    return former.cohort if same and former is not None and former.cohort and not patient.cohort else ""
