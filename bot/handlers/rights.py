"""Patients' data rights: /mydata, /delete (two steps) and /stop (withdraw consent)."""

from __future__ import annotations

import json
import logging

from telegram import Message, Update
from telegram.ext import ApplicationHandlerStop, filters

from bot import texts
from bot.domain.models import Patient
from bot.domain.opt_out import opt_out_language
from bot.domain.own_requests import own_request
from bot.handlers.follow import pass_followed
from bot.handlers.people import patient_or_refusal
from bot.jobs.present import tell_present
from bot.reports import mydata
from bot.telegram.keyboards import answer_query, close_buttons, reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.patient_rights import erase_own_data
from bot.usecases.patient_text import alert_followed, follow

log = logging.getLogger(__name__)


async def _holder(update: Update, context: Context) -> Patient | None:
    """The patient, or someone who withdrew with /stop: what the program keeps is still theirs to see and
    erase (newcomer9 N49: after /stop both were refused, so erasing meant enrolling, and agreeing, again)."""
    user, svc = update.effective_user, context.svc
    former = await svc.db(svc.repo.withdrawn_patient, user.id) if user is not None else None
    return former if former is not None else await patient_or_refusal(update, context)


class _OptOut(filters.MessageFilter):
    """A whole message asking the bot to stop writing ("STOP", "deja de escribirme": bot/domain/opt_out.py)."""

    def filter(self, message: Message) -> bool:
        return message.text is not None and opt_out_language(message.text) is not None


OPT_OUT = filters.UpdateType.MESSAGE & ~filters.COMMAND & _OptOut(name="opt_out")  # "/stop" is the command


async def stop_words(update: Update, context: Context) -> None:
    """ "STOP", "please stop texting me": how to stop (/stop asks first), in the words' language, and nothing
    stopped (newcomer9 N35: they went to the drawer or were passed on unexplained); whatever flow is open stays.
    Under an open crisis alert the words still reach its people, as any words do. Counselors, strangers and
    someone who already stopped are answered as before."""
    svc, user, message = context.svc, update.effective_user, update.effective_message
    patient = await svc.db(svc.repo.patient_by_telegram, user.id) if user else None
    text = message.text if message is not None else None
    if patient is None or patient.status != "active" or not text:
        return
    language = opt_out_language(text) or patient.language
    await reply(update, pick(language, texts.STOP_HOW, texts.STOP_HOW_ES))
    followed = await svc.db(follow, svc.repo, patient, text, svc.now())
    if followed is not None:
        await pass_followed(update, context, patient, followed, language)
    raise ApplicationHandlerStop


class _OwnRequest(filters.MessageFilter):
    """A whole message asking for /delete or /message in words (bot/domain/own_requests.py)."""

    def filter(self, message: Message) -> bool:
        return message.text is not None and own_request(message.text) is not None


OWN_REQUEST = filters.UpdateType.MESSAGE & ~filters.COMMAND & _OwnRequest(name="own_request")


async def how_words(update: Update, context: Context) -> None:
    """ "delete my data", "how do i talk to my counselor": the command that does it, in the words' language, and
    nothing kept for the counselor (newcomer20 N205); under an open crisis alert the words still reach its people.
    Counselors, strangers and someone who stopped are answered as before."""
    svc, user, message = context.svc, update.effective_user, update.effective_message
    patient = await svc.db(svc.repo.patient_by_telegram, user.id) if user else None
    text = message.text if message is not None else None
    found = own_request(text) if text else None
    if patient is None or patient.status != "active" or not text or found is None:
        return
    what, language = found
    if what == "delete":
        await reply(update, pick(language, texts.DELETE_HOW, texts.DELETE_HOW_ES))
    else:
        name = await svc.db(svc.repo.counselor_name, patient.counselor_id) or ""
        await reply(
            update, texts.message_how(name or pick(language, "your counselor", "tu consejero"), language)
        )
    followed = await svc.db(follow, svc.repo, patient, text, svc.now())
    if followed is not None:
        await pass_followed(update, context, patient, followed, language)
    raise ApplicationHandlerStop


async def mydata_command(update: Update, context: Context) -> None:
    """/mydata: everything stored about the patient, as a JSON document (after /stop too)."""
    patient = await _holder(update, context)
    if patient is None or update.effective_chat is None:
        return
    svc = context.svc
    data = await svc.db(svc.repo.patient_data_export, patient.patient_id)
    counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
    await svc.db(svc.repo.audit, svc.now(), patient.telegram_id, "patient_data_exported", patient.patient_id)
    await reply(
        update, mydata.summary_text(patient, counselor.name if counselor else None, data, svc.checkin)
    )
    name = counselor.name if counselor else None
    readable = mydata.readable(data, svc.checkin, name, svc.flag_rules.label, svc.skills, patient.language)
    body = json.dumps(readable, indent=2, ensure_ascii=False, default=str).encode()
    caption = pick(patient.language, texts.MYDATA_CAPTION, texts.MYDATA_CAPTION_ES)
    await update.effective_chat.send_document(body, filename="my-data.json", caption=caption)


async def delete_command(update: Update, context: Context) -> None:
    """/delete: ask before erasing anything (after /stop too)."""
    if (patient := await _holder(update, context)) is not None:
        lang = patient.language
        erase, keep = (
            pick(lang, texts.BTN_DELETE, texts.BTN_DELETE_ES),
            pick(lang, texts.BTN_KEEP, texts.BTN_KEEP_ES),
        )
        await reply(
            update,
            pick(lang, texts.DELETE_CONFIRM, texts.DELETE_CONFIRM_ES),
            [[(erase, "del:yes"), (keep, "del:no")]],
        )


async def stop_command(update: Update, context: Context) -> None:
    """/stop: ask before withdrawing consent."""
    if (patient := await patient_or_refusal(update, context)) is not None:
        lang = patient.language
        stop, stay = (
            pick(lang, texts.BTN_STOP, texts.BTN_STOP_ES),
            pick(lang, texts.BTN_STAY, texts.BTN_STAY_ES),
        )
        await reply(
            update,
            pick(lang, texts.STOP_CONFIRM, texts.STOP_CONFIRM_ES),
            [[(stop, "stop:yes"), (stay, "stop:no")]],
        )


async def confirm_button(update: Update, context: Context) -> None:
    """ "del:yes|no" and "stop:yes|no"."""
    query = update.callback_query
    assert query is not None and query.data is not None
    action, _, answer = query.data.partition(":")
    patient = await (_holder if action == "del" else patient_or_refusal)(update, context)
    if patient is None:
        return
    await answer_query(query)
    await close_buttons(update)
    svc = context.svc
    lang = patient.language
    if answer != "yes":
        kept = (
            pick(lang, texts.KEPT, texts.KEPT_ES)
            if action == "del"
            else pick(lang, texts.STAYED, texts.STAYED_ES)
        )
        await reply(update, kept)
        return
    if action == "del":
        # The audit log keeps that it happened, never what was erased.
        await svc.db(erase_own_data, svc.repo, patient, svc.now())
        log.info("patient %s erased their data", patient.patient_id)
        stopped = patient.status == "withdrawn"
        closed = patient.closed_by_program  # not "/stop": an admin closed it
        done = (
            texts.deleted_after_stop(lang, closed=closed)
            if stopped
            else pick(lang, texts.DELETED, texts.DELETED_ES)
        )
        await reply(update, done)
        notice = texts.counselor_patient_erased(patient.alias, withdrawn=stopped, closed=closed)
        # Kept for later when someone cannot be reached now: the patient was told they are told. While the
        # counselor is away, whoever stands in hears it too (newcomer20 N196 addendum 2: the cover, who had
        # the words just erased, was not told).
        await tell_present(context.bot, svc, patient, notice)
        return
    # newcomer6 finding 29: crisis words, then /stop a minute later, read as two unrelated lines.
    followed = await svc.db(alert_followed, svc.repo, patient.patient_id, svc.now())
    withdrawn = patient.with_changes(status="withdrawn", status_changed_at=svc.now(), withdrawn_by=None)
    await svc.db(svc.repo.save_patient, withdrawn)
    await svc.db(svc.repo.audit, svc.now(), patient.telegram_id, "consent_withdrawn", patient.patient_id)
    svc.hooks.on_patient_schedule(context.application, withdrawn)
    await reply(update, pick(lang, texts.STOPPED, texts.STOPPED_ES))
    minutes = int((svc.now() - followed.created_at).total_seconds() // 60) if followed else None
    open_now = followed is not None and followed.open
    acked = None
    if followed is not None and followed.acked_at is not None:
        by = (
            await svc.db(svc.repo.counselor_name, followed.acked_by)
            if followed.acked_by is not None
            else None
        )
        acked = (by or texts.ANOTHER_COUNSELOR, followed.acked_at.astimezone(svc.settings.tz))
    notice = texts.counselor_patient_stopped(patient.alias, minutes, open_now, acked)
    await tell_present(context.bot, svc, patient, notice)  # the cover too, while the counselor is away
