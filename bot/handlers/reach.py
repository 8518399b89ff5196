"""Counselors opening the bot: invitations bind an account, and whatever waited for them arrives."""

from __future__ import annotations

import logging
from datetime import date

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.domain.enrollment import CodeProblem, hash_code
from bot.domain.models import Counselor, Patient
from bot.handlers.menus import set_counselor_menu
from bot.jobs.alerts import deliver_due
from bot.jobs.present import present_for, with_note
from bot.jobs.reach import (
    Unreachable,
    mark_reachable,
    reachable_admins,
    send_or_queue,
    send_to_counselor,
    tell_new_admin,
)
from bot.telegram.keyboards import keyboard, reply
from bot.telegram.services import Context

log = logging.getLogger(__name__)


async def counselor_started(update: Update, context: Context, counselor: Counselor) -> None:
    """/start from a counselor: reachable from now; the first time, a welcome and what was queued."""
    svc = context.svc
    if not await mark_reachable(svc, counselor.telegram_id):
        await reply(update, texts.HELP_COUNSELOR)
        return
    log.info("counselor %s started the bot: reachable", counselor.telegram_id)
    try:
        await reply(
            update, texts.counselor_welcome(counselor.name, svc.settings.program_name, counselor.role)
        )
        await set_counselor_menu(context.application, counselor.telegram_id)
    finally:
        # Even when the welcome failed: reachable from now on, so no later /start would bring what waited.
        await catch_up(context, counselor.telegram_id)


async def oncall_started(context: Context, telegram_id: int) -> None:
    """/start from an on-call person who is not a registered counselor: reachable for alerts."""
    if await mark_reachable(context.svc, telegram_id):
        log.info("on-call %s started the bot: reachable", telegram_id)
        await deliver_due(context.application)


async def accept_invite(update: Update, context: Context, code: str) -> None:
    """``/start C…`` from a counselor's invitation link: the account becomes that counselor."""
    svc, user = context.svc, update.effective_user
    assert user is not None
    now = svc.now()
    if await svc.db(svc.repo.patient_by_telegram, user.id) is not None:
        await reply(update, texts.INVITE_FOR_PATIENT)
        return
    invite = await svc.db(svc.repo.counselor_invite, hash_code(code))
    if invite is None or not invite.usable(now):
        used = invite is not None and invite.used_at is not None
        # Counted with the patient codes' wrong tries (one limit per Telegram user for every code).
        counted = await svc.db(svc.repo.check_code, user.id, None, now, *svc.code_limit)
        if counted is CodeProblem.BLOCKED:
            await reply(
                update, texts.code_wait(svc.settings.code_attempt_window_minutes)
            )  # English only: a counselor's invitation
        else:
            await reply(update, texts.INVITE_USED if used else texts.INVITE_UNKNOWN)
        return
    counselor = await svc.db(svc.repo.accept_counselor_invite, invite, user.id, now)
    await svc.db(svc.repo.audit, now, user.id, "counselor_invite_accepted", "-", counselor=user.id)
    log.info("counselor invitation accepted by %s (%s)", user.id, counselor.role)
    await reply(update, texts.counselor_welcome(counselor.name, svc.settings.program_name, counselor.role))
    await set_counselor_menu(context.application, user.id)
    await catch_up(context, user.id)


async def back_in_reach(update: Update, context: Context) -> None:
    """Anything from someone recorded as unreachable: Telegram lets a blocked bot hear from them only once they
    unblocked it, so they are reachable again and what waited is sent (newcomer11 O8: a counselor who unblocked
    and used the bot stayed "has blocked the bot" and doctor failed her until an alert happened to reach her)."""
    user = update.effective_user
    if user is None:
        return
    svc = context.svc
    if (await svc.db(svc.repo.reach, user.id)).state != "unreachable" or not await mark_reachable(
        svc, user.id
    ):
        return
    log.info("counselor %s wrote to the bot: reachable again", user.id)
    await catch_up(context, user.id)


async def catch_up(context: Context, telegram_id: int) -> None:
    """Queued enrollment notices, then every open alert round still owed to this person."""
    svc = context.svc
    for kind, patient_id in await svc.db(svc.repo.take_notices, telegram_id):
        patient = await svc.db(svc.repo.patient, patient_id)
        if kind == "enrolled" and patient is not None:
            await tell_counselor(context, patient)
    for text in await svc.db(svc.repo.take_texts, telegram_id):  # taken whole: none may go lost with one
        await send_or_queue(context.bot, svc, telegram_id, text)  # a failure goes with the notices' sweep
    await tell_new_admin(context.application, telegram_id)
    await deliver_due(context.application)


async def tell_counselor(
    context: Context,
    patient: Patient,
    returning_as: str | None = None,
    *,
    alert_open: bool = False,
    closed: bool = False,
    before: str = "",
    group_left: str = "",
) -> None:
    """The enrollment notice (``returning_as``: the alias of the record someone who withdrew came back to;
    ``alert_open``: crisis words they wrote before agreeing are still an open alert, so the counselor can
    write to them now); if the counselor cannot get it, it waits for them and admins hear now."""
    svc = context.svc
    text = (
        texts.patient_returned(
            patient.alias,
            returning_as,
            closed=closed,
            erased=await _erased(context, patient),
            before=before,
            group_left=group_left,
        )
        if returning_as is not None
        else texts.new_patient_for_counselor(patient.alias)
    )
    markup = None
    if alert_open:
        text = texts.enrolled_with_open_alert(patient.alias)
        markup = keyboard([[(texts.BTN_MESSAGE_PATIENT, f"pa:msg:{patient.patient_id}")]])
    try:
        await send_to_counselor(context.bot, svc, patient.counselor_id, text, reply_markup=markup)
    except Unreachable as exc:
        await svc.db(svc.repo.queue_notice, patient.counselor_id, "enrolled", patient.patient_id)
        log.error(
            "enrollment of %s not told to counselor %s (they %s): queued, admins told",
            patient.patient_id, patient.counselor_id, exc.reason,
        )  # fmt: skip
        counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
        name = counselor.name if counselor else "their counselor"
        for admin in await reachable_admins(svc, exclude=patient.counselor_id):
            try:
                await context.bot.send_message(
                    admin.telegram_id, texts.enrolled_but_unreachable(patient.alias, name, exc.reason)
                )
            except TelegramError as err:
                log.error(
                    "could not tell admin %s of enrollment %s: %s", admin.telegram_id, patient.patient_id, err
                )
    except TelegramError as exc:
        # Not a refusal for good (Telegram down, a 429): enrollment stands, and the notice goes with the
        # notices' sweep (bot/jobs/reminders.py), tried again while Telegram refuses for a while (audit: it
        # was logged only, and the counselor never heard of the new patient).
        log.error("could not tell counselor %s about %s (%s): it goes with the next sweep",
                  patient.counselor_id, patient.patient_id, exc)  # fmt: skip
        await svc.db(svc.repo.add_notice, patient.counselor_id, text, svc.now())
    # Whoever stands in while the counselor is away hears of the new patient too (newcomer20 N196 addenda).
    present = await present_for(svc, patient.counselor_id)
    for to in present.stand_ins():
        await send_or_queue(context.bot, svc, to, await with_note(svc, patient, present, to, text))


async def _erased(context: Context, patient: Patient) -> date | None:
    """The day their data was last erased, program time (newcomer22 N238), else None."""
    svc = context.svc
    found = await svc.db(svc.repo.erasure_of, patient.patient_id)
    return found[0].astimezone(svc.settings.tz).date() if found else None
