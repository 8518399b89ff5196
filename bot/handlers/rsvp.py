"""Answers to session reminders: "I'll be there", "Running late", "Can't make it" (+ a reason)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from telegram import Message, Update
from telegram.error import BadRequest

from bot import texts
from bot.domain.digest import rsvp_for
from bot.domain.models import Patient
from bot.domain.rsvp_words import bare_rsvp, typed_rsvp
from bot.domain.sessions import Occurrence, occurrences
from bot.handlers.screened import reminder_since_question, screened
from bot.jobs.present import present_for, tell_present, with_note
from bot.jobs.reach import send_or_queue
from bot.telegram.keyboards import answer_query, reply, rsvp_buttons
from bot.telegram.services import Context
from bot.texts.base import pick

log = logging.getLogger(__name__)
REASON = "rsvp_reason"


async def _occurrence(context: Context, patient: Patient, key: str) -> Occurrence | None:
    """The occurrence behind a button, if it is still ahead and this patient is expected at it."""
    svc = context.svc
    series_id, _, day = key.partition(":")
    series = await svc.db(svc.repo.series, series_id)
    if series is None or (series.cohort != patient.cohort and series.patient_id != patient.patient_id):
        return None
    try:
        local_day = date.fromisoformat(day)
    except ValueError:
        return None
    now = svc.now()
    found = [
        o
        for o in occurrences(series, now - timedelta(hours=12), now + timedelta(days=8))
        if o.local_day == local_day
    ]
    return found[0] if found and found[0].ends_at > now else None


async def rsvp_button(update: Update, context: Context) -> None:
    """ "rs:<series>:<date>:<y|l|n>": store the answer; tell the counselor at once about late or absent."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None and user is not None
    svc = context.svc
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    parts = query.data.split(":")
    lang = patient.language if patient else "en"
    if patient is None or len(parts) != 4 or parts[3] not in texts.RSVP_LABELS:
        await answer_query(query, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    key, answer = f"{parts[1]}:{parts[2]}", parts[3]
    occ = await _occurrence(context, patient, key)
    if occ is None:
        await answer_query(query, pick(lang, texts.RSVP_STALE, texts.RSVP_STALE_ES), show_alert=True)
        return
    changed = await svc.db(svc.repo.record_rsvp, patient.patient_id, key, answer, svc.now())
    await answer_query(query, pick(lang, texts.RSVP_THANKS, texts.RSVP_THANKS_ES))
    if not changed:
        return  # a double tap: already recorded and already told
    tz = patient.tz or svc.settings.tz
    today = svc.now().astimezone(tz).date()
    es = lang == "es"
    reminder = (texts.reminder_es if es else texts.reminder)(occ.starts_at.astimezone(tz), today)
    recorded = (texts.rsvp_recorded_es if es else texts.rsvp_recorded)(reminder, answer)
    await query.edit_message_text(recorded, reply_markup=rsvp_buttons(key, lang))
    notices = await _tell_counselor(context, patient, occ, answer)
    if answer == "n":
        # The reason, if one comes, is added to this notice: one RSVP, one notice for each person told.
        ids = {str(to): m.message_id for to, m in notices.items() if m is not None}
        pending = {"kind": REASON, "occurrence": key, "notices": ids}
        await svc.db(svc.repo.set_pending_input, patient.patient_id, pending)
        await reply(update, pick(lang, texts.RSVP_ASK_REASON, texts.RSVP_ASK_REASON_ES))


async def _tell_counselor(
    context: Context, patient: Patient, occ: Occurrence, answer: str, reason: str | None = None
) -> dict[int, Message | None]:
    """Late or can't-come: flagged on the patient's page and told at once to their counselor, and to whoever
    stands in while they are away (newcomer20 N196 addendum: the cover never heard a can't-come); each one's
    notice (None when kept for later)."""
    svc, key = context.svc, occ.key
    kind = {"n": "cant_come", "l": "late"}.get(answer)
    # The answer it replaces closes (newcomer20 N202: "i can come to group tonight" left "can't make it" open).
    stale = [f"{k}:{key}" for k in ("cant_come", "late") if k != kind]
    closed = await svc.db(svc.repo.close_flags, patient.patient_id, stale, svc.now())
    if kind is None:
        if not closed:
            return {}  # coming, as expected: nobody needs telling
    else:
        flag = f"{kind}:{key}"
        await svc.db(svc.repo.raise_flag, patient.patient_id, kind, flag, svc.now(), {"occurrence": key})
    local = occ.starts_at.astimezone(svc.settings.tz)
    told = texts.counselor_rsvp(patient.alias, answer, occ.series.kind, local, reason)
    return await tell_present(context.bot, svc, patient, told)


async def typed_answer(
    update: Update, context: Context, patient: Patient, text: str, *, beside: str | None = None
) -> bool:
    """Words under a session reminder that plainly answer it ("running late", "no puedo ir": newcomer7 N16):
    recorded as the buttons would record them, the words passed on as the reason, and the patient shown what
    was recorded with the buttons to change it. False (nothing done) for any other words. ``beside``: the level
    the screen answered these words at (newcomer14 N93, N94: the RSVP was dropped): crisis words reach the
    counselor behind the alert only, and after a crisis answer or "Are you safe?" nothing more is said."""
    svc = context.svc
    found = await _answering(context, patient, text)
    if found is None:
        return False
    answer, key, occ = found
    tz = patient.tz or svc.settings.tz
    today = svc.now().astimezone(tz).date()
    changed = await svc.db(svc.repo.record_rsvp, patient.patient_id, key, answer, svc.now())
    reason = text.strip()[:300]
    if changed:
        await svc.db(svc.repo.rsvp_reason, patient.patient_id, key, reason)
    shown = texts.CRISIS_REASON_SEE_ALERT if beside == "crisis" else reason
    told = await _tell_counselor(context, patient, occ, answer, shown) if changed else {}
    if beside in ("crisis", "check"):
        return True  # the screen's answer and its buttons stay the newest thing the patient reads
    counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
    present = await present_for(svc, patient.counselor_id)
    cover = present.away.cover if present.away is not None else None
    covering = await svc.db(svc.repo.counselor_name, cover) if cover is not None else None
    es = patient.language == "es"
    noted = (texts.rsvp_typed_es if es else texts.rsvp_typed)(
        (texts.when_es if es else texts.when)(occ.starts_at.astimezone(tz), today),
        answer,
        counselor.name if counselor is not None else "",
        any(m is not None for m in told.values()) or not changed,  # unchanged: told when first recorded
        cover=covering or "",
    )
    if update.effective_chat is not None:
        await update.effective_chat.send_message(noted, reply_markup=rsvp_buttons(key, patient.language))
    return True


async def answers_reminder(context: Context, patient: Patient, text: str) -> bool:
    """Whether these words plainly answer the session reminder the patient has (nothing recorded yet)."""
    return await _answering(context, patient, text) is not None


async def _answering(context: Context, patient: Patient, text: str) -> tuple[str, str, Occurrence] | None:
    """The answer these words give to the patient's newest session reminder: (answer, occurrence key,
    occurrence), or None when they give none or there is no reminder to answer."""
    svc = context.svc
    answer = typed_rsvp(text)
    bare = answer is None and (answer := bare_rsvp(text)) is not None  # "yes", "nah not tonight" (N184)
    sent = await svc.db(svc.repo.newest_claim, patient.patient_id, "remind:") if answer else None
    key = sent.removeprefix("remind:").rpartition(":")[0] if sent else ""
    occ = await _occurrence(context, patient, key) if answer and key else None
    tz = patient.tz or svc.settings.tz
    if answer is None or occ is None:
        return None
    if answer == "l" and occ.starts_at.astimezone(tz).date() != svc.now().astimezone(tz).date():
        return None  # "running late" the day before is about something else
    if bare and not await _just_asked(context, patient, occ, answer):
        return None
    return answer, key, occ


BARE_WITHIN = timedelta(hours=3)  # a bare "yes" this long after the reminder may answer something else


async def _just_asked(context: Context, patient: Patient, occ: Occurrence, answer: str = "") -> bool:
    """Whether a bare yes or no answers this reminder: it is unanswered, came within ``BARE_WITHIN``, the session
    is still ahead, and the counselor has not written since (their question would be what "yes" answers)."""
    svc, now = context.svc, context.svc.now()
    # The nearest reminder sent (a late sweep claims the farther ones it stands for after it: not the newest claim).
    offsets = [o for o in svc.settings.reminder_offsets_minutes if await svc.db(svc.repo.was_sent, patient.patient_id, f"remind:{occ.key}:{o}")]  # fmt: skip
    asked = occ.starts_at - timedelta(minutes=min(offsets)) if offsets else None
    if asked is None or not timedelta(0) <= now - asked <= BARE_WITHIN or now >= occ.starts_at:
        return False
    if rsvp_for(await svc.db(svc.repo.rsvps, patient.patient_id), occ.key) is not None:
        return False
    thread = await svc.db(svc.repo.messages, patient.patient_id)
    if any(m.sender == "counselor" and m.at >= asked for m in thread):
        return False
    # Here, not at the top: crisis_answers imports the crisis handlers, which import this module.
    from bot.handlers.crisis_answers import question_waiting

    # A bare "no" under "Are you safe?" answers it, even with a reminder shown since; a bare "yes" there answers the
    # reminder shown since (newcomer22 N184), never the safety question.
    if await question_waiting(context, patient) is None:
        return True
    return answer == "y" and await reminder_since_question(context, patient.patient_id)


async def reason_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """The optional reason after "Can't make it", passed on to the counselor."""
    svc = context.svc
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    key = str((pending or {}).get("occurrence", ""))
    await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    reason = text.strip()[:300]
    await svc.db(svc.repo.rsvp_reason, patient.patient_id, key, reason)
    series = await svc.db(svc.repo.series, key.partition(":")[0])
    kind = series.kind if series else "group"
    day = key.partition(":")[2]
    at = svc.now().astimezone(svc.settings.tz)
    if series is not None and day:
        found = [
            o
            for o in occurrences(series, svc.now() - timedelta(days=1), svc.now() + timedelta(days=8))
            if o.local_day.isoformat() == day
        ]
        at = found[0].starts_at.astimezone(svc.settings.tz) if found else at
    # Crisis words as the reason are saved, but reach the counselor behind the alert's "Show message".
    crisis = screened(context) == "crisis"
    shown = texts.CRISIS_REASON_SEE_ALERT if crisis else reason
    text = texts.counselor_rsvp(patient.alias, "n", kind, at, shown)
    notices = (pending or {}).get("notices")
    notices = notices if isinstance(notices, dict) else {}
    if isinstance(
        old := (pending or {}).get("notice"), int
    ):  # a pending input from before the covers' copies
        notices = {str(patient.counselor_id): old}
    present = await present_for(svc, patient.counselor_id)
    for to in dict.fromkeys([*present.who, *(int(k) for k in notices)]):
        said = await with_note(svc, patient, present, to, text)
        try:
            if not isinstance(notice := notices.get(str(to)), int):
                raise BadRequest("no notice to add the reason to")
            await context.bot.edit_message_text(said, chat_id=to, message_id=notice)
        except BadRequest as exc:  # the notice is gone (deleted, too old): the reason still reaches them
            log.info("rsvp reason for patient %s sent to %s as a new notice: %s", patient.patient_id, to, exc)
            await send_or_queue(context.bot, svc, to, said)
    await reply(update, pick(patient.language, texts.RSVP_REASON_SAVED, texts.RSVP_REASON_SAVED_ES))
