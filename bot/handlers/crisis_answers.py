"""The patient's answer to "Are you safe right now?": recorded once, and always passed to the counselor.

"I'm safe", "I'm not safe" and "You misunderstood me" each follow the counselor's alert as a reply
to it, with the time, so the person paged at 3 AM sees the patient's own answer. "Not safe" also
raises an urgent alert of its own; "misunderstood" never closes the alert (a person decides).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial

from telegram import ReplyParameters, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.domain.escalation import Alert, AlertKind
from bot.domain.follow import FOLLOWS
from bot.domain.language import reply_language
from bot.domain.models import Patient
from bot.domain.opt_out import learned_check_only
from bot.domain.screen.assess import Level, assess
from bot.domain.typed_answer import is_bare
from bot.domain.typed_answer import typed_answer as safety_answer
from bot.handlers import measures
from bot.handlers.answer_text import PAGES as _PAGES
from bot.handlers.answer_text import answer_text
from bot.handlers.people import app_language
from bot.handlers.safety_buttons import CHECK
from bot.handlers.safety_retry import retry_later
from bot.handlers.screened import open_safety_question, reminder_since_question
from bot.jobs.alerts import raise_alert
from bot.jobs.not_safe_again import fold_not_safe
from bot.jobs.present import present_for, with_note
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable, StoreWriteError
from bot.telegram.keyboards import answer_query, close_buttons, keyboard, reply_surely, retrying
from bot.telegram.services import Context
from bot.telegram.unavailable import mark_helped
from bot.texts.base import pick
from bot.usecases.check_burst import written_under_check

log = logging.getLogger(__name__)
_ANSWERS = ("safe", "notsafe", "misread", "unsure")
OPEN_FOR = timedelta(hours=2)  # after that a bare "no" is not read as an answer to an old question


async def safe_button(update: Update, context: Context) -> None:
    """ "cr:safe|notsafe|misread[:es[:kind]]": the first tap on a crisis answer counts; a second one changes
    nothing."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None and user is not None
    answer, _, rest = query.data.removeprefix("cr:").partition(":")
    language, _, kind = rest.partition(":")
    patient, withdrawn = await _answerer(context, user.id)
    if patient is None or answer not in _ANSWERS:
        stale = pick(language or app_language(update), texts.STALE_BUTTON, texts.STALE_BUTTON_ES)
        await answer_query(query, stale if answer not in _ANSWERS else None)
        return
    message_id = query.message.message_id if query.message is not None else 0
    if not await _first_answer(context, patient, message_id, answer, withdrawn):
        await answer_query(
            query, pick(language, texts.CRISIS_ALREADY_ANSWERED, texts.CRISIS_ALREADY_ANSWERED_ES)
        )
        return
    await answer_query(query)
    await close_buttons(update)
    await answered(update, context, patient, withdrawn, answer, language or "en", kind)


async def typed_answer(update: Update, context: Context) -> None:
    """A typed "no im not safe" or "estoy bien" while "Are you safe right now?" is open: the answer, taken
    as its button would be (not the crisis message again). Crisis words beside it, or a "safe" the screen
    would not let pass, go on to the screen: a typed answer never lowers a level."""
    message, user = update.message, update.effective_user
    if message is None or message.text is None or user is None:
        return
    answer = safety_answer(message.text)
    if answer is None:
        return
    svc = context.svc
    patient, withdrawn = await _answerer(context, user.id)
    if patient is None:
        return
    if withdrawn:  # nothing is stored for someone who withdrew: only this run's memory
        asked = svc.state.safety_asked.get(patient.patient_id)
    else:
        asked = await open_safety_question(context, patient.patient_id)
    if (
        asked is None
        or svc.now() - asked[3] > OPEN_FOR
        or (
            patient.patient_id not in svc.state.safety_asked
            and await _answered_before(context, patient, asked[0])
        )
    ):
        # "actually no, im not safe" with no question open (answered "You misunderstood me", say): said outright,
        # it gets the not-safe answer, not "Are you safe right now?" again (newcomer9 N27). Anything else goes
        # on to the screen as any other text.
        if answer == "notsafe" and not is_bare(message.text) and not withdrawn:
            said_in = reply_language(message.text, assess(message.text).language, patient.language)
            await answered(update, context, patient, withdrawn, answer, said_in, "")
            raise ApplicationHandlerStop
        return
    # "I'm safe right now", the button's own words, read as worrying by the learned layer alone (newcomer N74: met
    # with "answer the question above"): a short, whole safe answer, so that reading does not stand against it.
    screened = assess(message.text, year=svc.now().year)
    if answer == "safe" and screened.level != Level.NONE and not learned_check_only(screened.reasons):
        return
    message_id, language, kind, _ = asked
    if is_bare(message.text) and (
        svc.state.flow_asked.get(user.id, 0) > message_id
        or (answer == "safe" and await reminder_since_question(context, patient.patient_id))
    ):
        # A plain yes/no answers the check-in question shown since, not the older safety question; a plain "yes"
        # under a session reminder shown since is "I'll be there", never "I'm safe" (newcomer22 N184): the question
        # stays open. A plain "no" there stays "not safe": a wrong "can't come" is the lesser harm.
        return
    if not await _first_answer(context, patient, message_id, answer, withdrawn):
        return  # answered already: the screen reads it as any other text
    try:  # the buttons go, so a later tap cannot answer differently without a new question
        await context.bot.edit_message_reply_markup(user.id, message_id, reply_markup=None)
    except TelegramError as exc:
        log.warning(
            "buttons of a typed-answered safety question stay for patient %s: %s", patient.patient_id, exc
        )
    await answered(update, context, patient, withdrawn, answer, language, kind)
    raise ApplicationHandlerStop


async def question_waiting(context: Context, patient: Patient) -> tuple[int, str, str, datetime] | None:
    """The "Are you safe right now?" still waiting for this patient's answer (asked within ``OPEN_FOR``,
    not answered), or None: words typed under it that are no answer the parser knows go to the counselor."""
    asked = await open_safety_question(context, patient.patient_id)
    if asked is None or context.svc.now() - asked[3] > OPEN_FOR:
        return None
    if patient.patient_id not in context.svc.state.safety_asked and await _answered_before(
        context, patient, asked[0]
    ):
        return None
    return asked


async def _answered_before(context: Context, patient: Patient, message_id: int) -> bool:
    svc = context.svc
    for answer in _ANSWERS:
        if await svc.db(svc.repo.was_sent, patient.patient_id, f"crisis_answer:{message_id}:{answer}"):
            return True
    return False


async def _answerer(context: Context, telegram_id: int) -> tuple[Patient | None, bool]:
    """Who answers: the patient, or someone who withdrew (their crisis still reaches their counselor)."""
    svc = context.svc
    patient = await svc.db(svc.repo.patient_by_telegram, telegram_id)
    if patient is not None:
        return patient, False
    return await svc.db(svc.repo.withdrawn_patient, telegram_id), True


async def answered(
    update: Update, context: Context, patient: Patient, withdrawn: bool, answer: str, language: str, kind: str
) -> None:
    """The reply, the counselor told, and for "not safe" an urgent alert: the same for a tap or typed."""
    svc = context.svc
    svc.state.safety_asked.pop(patient.patient_id, None)
    # "You misunderstood me" (newcomer12 N65), "I'm safe" (N115): no "go to the ER" in the last-round word.
    for said, at in (("misread", svc.state.misread_at), ("safe", svc.state.safe_at)):
        at.pop(patient.patient_id, None) if answer != said else at.update({patient.patient_id: svc.now()})
    check = kind == CHECK  # the question after worrying words: no alert, the words wait on the patient page
    kind = "" if check else kind
    if not withdrawn:
        try:
            await svc.db(
                svc.repo.audit, svc.now(), patient.telegram_id, f"crisis_answer:{answer}", patient.patient_id
            )
        except (StoreWriteError, OSError, RecordsUnavailable) as exc:  # it must reach people all the same
            log.error(
                "patient %s: the answer to a safety question is not in the audit log: %s",
                patient.patient_id,
                exc,
            )
    # Never raised: the counselor told and the 'not safe' alert below must not wait on the patient's copy.
    body = await answer_text(context, patient, answer, language, kind)
    sent = await reply_surely(update, body)
    if sent is not None:
        mark_helped(update, context.chat_data)
    # A "not safe" while their last one is open and escalating joins it (newcomer6 finding 22).
    folded = (
        await fold_not_safe(context.application, patient, reply_unsent=sent is None)
        if answer in _PAGES
        else None
    )
    times = len(folded.again) + 1 if folded is not None else 0
    if check and not withdrawn:
        await _tell_counselor_check(context, patient, answer, times)
    else:
        await _tell_counselor(context, patient, answer, times)
    if answer in _PAGES and folded is None:
        paged: AlertKind = "not_sure" if answer == "unsure" else "not_safe"
        await raise_alert(context.application, paged, patient, reply_unsent=sent is None)
    if sent is None:
        retry_later(update, context, body, patient_id=patient.patient_id, language=language)
    elif answer not in _PAGES and not withdrawn and update.effective_chat is not None:
        # A questionnaire paused on its safety question goes on only now, once the question is answered;
        # never offered to someone who just said they are not safe (newcomer5 finding 33: "you can carry on
        # with the rest of the questions" followed "I've told your counselor this is urgent").
        await measures.offer_rest(update.effective_chat, context, patient)


async def _first_answer(
    context: Context, patient: Patient, message_id: int, answer: str, withdrawn: bool
) -> bool:
    """Claim the answer to this crisis message; False when it was answered already (a double tap)."""
    key = f"crisis_answer:{message_id}:{answer}"
    if withdrawn:  # nothing is stored for someone who withdrew
        return _claim_in_memory(context, patient, key)
    svc = context.svc
    try:
        return await svc.db(svc.repo.mark_sent, patient.patient_id, key)
    except (StoreWriteError, OSError, RecordsUnavailable) as exc:
        # A full disk (newcomer4 #1) or a torn file (newcomer5 #22): the answer still reaches people.
        log.error(
            "patient %s: an answer to a question is claimed in memory only: %s",
            patient.patient_id,
            exc,
        )
        return _claim_in_memory(context, patient, key)


def _claim_in_memory(context: Context, patient: Patient, key: str) -> bool:
    """The claim in this run's memory only; False when it was made already."""
    taken, claim = context.svc.state.crisis_answered, f"{patient.patient_id}:{key}"
    claimed = claim not in taken
    taken.add(claim)
    return claimed


async def _tell_counselor(context: Context, patient: Patient, answer: str, times: int = 0) -> None:
    """The answer, as a reply to each copy of the alert it answers (or to the counselor if none is found)."""
    svc = context.svc
    now = svc.now()
    alert = await svc.db(_latest_alert, svc.repo, patient.patient_id, now - timedelta(days=1))
    # A counselor's times are in the program's zone, named (their patients live in many).
    at = now.astimezone(svc.settings.tz)
    text = texts.patient_answered(patient.alias, answer, at, times=times)
    # Their counselor, or whoever stands in while they are away (newcomer20 N196), when no alert is found.
    targets: dict[int, int | None] = dict.fromkeys((await present_for(svc, patient.counselor_id)).who)
    if alert is not None:
        for d in alert.deliveries:
            targets[d.to] = d.message_id
    for to, message_id in targets.items():
        replying = ReplyParameters(message_id, allow_sending_without_reply=True) if message_id else None
        try:
            # Tried again like a safety reply (audit: one 500 kept the answer from the person calling them).
            send = partial(context.bot.send_message, to, text, reply_parameters=replying)
            await retrying(send, f"the answer of patient {patient.patient_id} to {to}")
        except TelegramError as exc:
            # Loud: the patient's answer is part of the safety net.
            log.error("answer of patient %s not passed to %s: %s", patient.patient_id, to, exc)


async def _tell_counselor_check(context: Context, patient: Patient, answer: str, times: int = 0) -> None:
    """The answer to the question asked after worrying words: there is no alert to follow, so the message
    says what was asked and why, and offers the words (behind the PIN, audit-logged)."""
    svc = context.svc
    at = svc.now().astimezone(svc.settings.tz)
    after = await svc.db(written_under_check, svc.repo, patient.patient_id, svc.now() - OPEN_FOR)
    text = texts.check_answered(patient.alias, answer, at, times=times, after=after)
    buttons = keyboard([[(texts.BTN_SHOW_WORDS, f"pa:words:{patient.patient_id}")]])
    present = await present_for(svc, patient.counselor_id)  # the cover too while away (newcomer20 N196)
    for to in present.who:
        said = await with_note(svc, patient, present, to, text)
        try:
            send = partial(context.bot.send_message, to, said, reply_markup=buttons)
            await retrying(send, f"the answer of patient {patient.patient_id} to {to}")
        except TelegramError as exc:
            log.error("answer of patient %s not passed to %s: %s", patient.patient_id, to, exc)


def _latest_alert(repo: Repository, patient_id: str, since: datetime) -> Alert | None:
    """The newest alert an answer can belong to (runs on the store thread)."""
    found = [repo.recent_alert(patient_id, kind, since) for kind in FOLLOWS]
    alerts = [a for a in found if a is not None]
    return max(alerts, key=lambda a: a.created_at) if alerts else None
