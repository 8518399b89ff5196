"""What a counselor does from a patient's page: acknowledge flags, message them, export CSV."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.domain.models import Counselor, Patient
from bot.domain.reach import BLOCKED
from bot.handlers import unlock
from bot.handlers.alerts import acknowledge_alerts
from bot.handlers.caseload import counselor_of, reachable_patient, urgent_buttons
from bot.handlers.exports import export_command as export_command  # /export, registered with the page actions
from bot.handlers.exports import send_export
from bot.handlers.messages import REPLY_DATA
from bot.handlers.safety_plan import render_plan
from bot.jobs.blocked import patient_blocked
from bot.jobs.reach import undeliverable
from bot.store.message_data import Relayed
from bot.store.roster_data import MOVED
from bot.telegram.keyboards import answer_query, keyboard, reply, reply_surely, retrying
from bot.telegram.services import Context
from bot.usecases.patient_text import alert_followed
from bot.usecases.timeline import timeline
from bot.usecases.workspace import check_words, notes

log = logging.getLogger(__name__)
RELAY_FOR = timedelta(minutes=10)  # a forgotten "Message patient" must not catch tomorrow's text


async def action_button(update: Update, context: Context) -> None:
    """ "pa:ack|msg|csv|notes|plan|thread|words|timeline:<patient id>" from a patient's page."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None and user is not None
    svc = context.svc
    _, action, patient_id = [*query.data.split(":", 2), "", ""][:3]
    if action == "ack":
        # Not behind the PIN (it shows nothing): a lock must never keep an alert escalating.
        counselor = await svc.db(svc.repo.counselor, user.id)
        if counselor is None:
            await answer_query(query, texts.STALE_BUTTON)
            return
    else:
        writer = await _alert_writer(context, user.id, patient_id) if action == "msg" else None
        counselor = writer or await counselor_of(update, context)
        if counselor is None:
            return
    found = await reachable_patient(update, context, counselor, patient_id, paged=action == "msg")
    if found is None:
        return
    patient = found[0]
    if action == "ack":
        await acknowledge_patient(update, context, counselor, patient)
    elif action == "msg":
        if patient.status == "withdrawn":
            await answer_query(query, texts.CANNOT_MESSAGE, show_alert=True)
            await reply(update, _withdrawn(context, patient))
            return
        await answer_query(query)
        await svc.db(svc.repo.set_relay, user.id, patient_id, svc.now())
        if context.user_data is not None:
            context.user_data.pop(unlock.WAITING, None)  # what they type now is the message, not a PIN
        await reply(update, texts.ask_message(patient.alias))
    elif action == "csv":
        await answer_query(query)
        await send_export(update, context, counselor, patient)
    elif action in READS:
        await answer_query(query)
        pages = await READS[action](context, counselor, patient)
        # Audited before it is shown: a view is on record even if sending fails halfway.
        await svc.db(svc.repo.audit, svc.now(), counselor.telegram_id, f"{action}_viewed", patient_id)
        for page in pages:
            await reply(update, page)
    else:
        await answer_query(query, texts.STALE_BUTTON)


async def acknowledge_patient(
    update: Update, context: Context, counselor: Counselor, patient: Patient
) -> None:
    """Close a patient's open flags and non-urgent alerts. Urgent alerts stay open: each closes only from
    the alert itself, so one tap never stops an escalation nobody has read; a button for each follows."""
    svc = context.svc
    query = update.callback_query
    assert query is not None
    pid = patient.patient_id
    alerts = [a for a in await svc.db(svc.repo.open_alerts) if a.patient_id == pid]
    urgent = [a for a in alerts if a.urgent]
    now = svc.now()
    kinds = await svc.db(svc.repo.acknowledge_flags, pid, counselor.telegram_id, now)
    left = len(urgent)
    await svc.db(
        svc.repo.audit,
        now,
        counselor.telegram_id,
        "flags_acknowledged",
        pid,
        count=len(kinds),
        urgent_open=left,
    )
    quiet = [a for a in alerts if not a.urgent]
    closed = len(kinds) + await acknowledge_alerts(context, counselor, [a.alert_id for a in quiet])
    # Each kind named (newcomer18 N174: "Flags acknowledged (14)" closed use, craving, worrying words, RSVPs unseen).
    named = Counter(svc.flag_rules.label(k) for k in [*kinds, *(a.kind for a in quiet)])
    said = texts.flags_acked(closed, len(urgent), sorted(named.items(), key=lambda kv: -kv[1]))
    await answer_query(query, said if closed or urgent else texts.NO_FLAGS)
    if urgent:
        buttons = urgent_buttons(urgent, svc.flag_rules, svc.settings.tz)
        await reply(update, texts.urgent_still_open(patient.alias, len(urgent)), buttons)


async def _notes(context: Context, counselor: Counselor, patient: Patient) -> list[str]:
    entries = await context.svc.db(context.svc.repo.checkins, patient.patient_id)
    return texts.notes_pages(patient.alias, notes(entries))


async def _plan(context: Context, counselor: Counselor, patient: Patient) -> list[str]:
    plan = await render_plan(context, patient, texts.MAX_MESSAGE - 200, in_crisis=False)  # all, as written
    return [texts.counselor_plan(patient.alias, plan) if plan else texts.NO_PLAN]


async def _thread(context: Context, counselor: Counselor, patient: Patient) -> list[str]:
    svc = context.svc
    names = {c.telegram_id: c.name for c in await svc.db(svc.repo.counselors)}
    tz = svc.settings.tz  # a counselor's times are in the program's zone, named (their patients live in many)

    def who(m: Relayed) -> str:
        if m.sender == "patient":
            return patient.alias
        return "You" if m.counselor_id == counselor.telegram_id else names.get(m.counselor_id, "A counselor")

    thread = await svc.db(svc.repo.messages, patient.patient_id)
    return texts.thread_pages(patient.alias, [(who(m), m.at.astimezone(tz), m.text) for m in thread])


async def _words(context: Context, counselor: Counselor, patient: Patient) -> list[str]:
    svc = context.svc
    since = svc.now() - timedelta(days=30)
    words = await svc.db(check_words, svc.repo, patient.patient_id, since)
    tz = svc.settings.tz
    return texts.check_words_pages(patient.alias, [(at.astimezone(tz), text, o) for at, text, o in words])


async def _timeline(context: Context, counselor: Counselor, patient: Patient) -> list[str]:
    svc = context.svc
    since = svc.now() - timedelta(days=texts.TIMELINE_DAYS)
    moments = await svc.db(timeline, svc.repo, patient.patient_id, since)
    tz, rules = svc.settings.tz, svc.flag_rules
    rows = [
        (m.at.astimezone(tz), m.kind, rules.label(m.alert_kind) if m.alert_kind else "", m.text)
        for m in moments
    ]
    return texts.timeline_pages(patient.alias, rows)


# The page's read-only buttons: each sends whole text the page only starts, and is audit-logged.
READS: dict[str, Callable[[Context, Counselor, Patient], Awaitable[list[str]]]] = {
    "notes": _notes,
    "plan": _plan,
    "thread": _thread,
    "words": _words,
    "timeline": _timeline,
}


async def relay_text(update: Update, context: Context, text: str) -> bool:
    """A counselor's typed message after "Message patient": relay it; False if none was started. Or the note
    on an alert they acknowledged, after "Add what was done" (the same row: the newest tap wins)."""
    from bot.handlers.alert_note import note_text  # here: it imports this module

    if await note_text(update, context, text):
        return True
    svc, user = context.svc, update.effective_user
    state = await svc.db(svc.repo.take_relay, user.id) if user is not None else None
    if state is None or svc.now() - state[1] > RELAY_FOR:
        return False
    if state[0].startswith(MOVED):  # the patient moved while they typed (newcomer22 N228): never sent
        await reply(update, await _moved(context, state[0].removeprefix(MOVED)))
        return True
    writer = await _alert_writer(context, user.id, state[0]) if user is not None else None
    counselor = writer or await counselor_of(update, context)
    if counselor is None:
        return True
    found = await reachable_patient(update, context, counselor, state[0])
    if found is None:
        return True
    patient, via = found  # via: the alert that lets an on-call colleague write (audit-logged with it)
    if patient.status == "withdrawn":  # they may have sent /stop while the counselor was typing
        await reply(update, _withdrawn(context, patient))
        return True
    program = svc.settings.program_name
    own = patient.counselor_id == counselor.telegram_id
    if via:
        limit = texts.relay_room_on_call(counselor.name)
    else:
        limit = texts.relay_room(counselor.name, None if own else program)
    if len(text) > limit:
        # Telegram would refuse it; keep the relay open so a shorter version goes to the same patient.
        await svc.db(svc.repo.set_relay, counselor.telegram_id, state[0], state[1])
        await reply(update, texts.message_too_long(len(text), limit))
        return True
    if via:
        relayed = texts.relayed_on_call(counselor.name, text, patient.language)
    elif own:
        relayed = texts.relayed(counselor.name, text, patient.language)
    else:  # an admin writing to a colleague's patient (newcomer7 finding N24): not "your counselor"
        relayed = texts.relayed_from_program(counselor.name, program, text, patient.language)
    try:
        # Tried again like a safety reply (newcomer finding 10-7: one 500 dropped a counselor's "I'm calling
        # you right now" to a patient in crisis, and ended "Message patient").
        await retrying(
            lambda: context.bot.send_message(
                patient.telegram_id,
                relayed,
                reply_markup=keyboard([[(texts.btn_patient_reply(patient.language), REPLY_DATA)]]),
            ),
            f"a message to patient {patient.patient_id}",
        )
    except TelegramError as exc:
        reason = undeliverable(exc)  # blocked the bot: "try again later" would never be true
        log.error("message to patient %s not delivered: %s", patient.patient_id, exc)
        if reason == BLOCKED:
            await patient_blocked(context.application, patient, told=True)
        if reason is None:  # still writing to them: send it again
            await svc.db(svc.repo.set_relay, counselor.telegram_id, state[0], svc.now())
        await reply_surely(
            update,
            texts.message_undeliverable(patient.alias, reason)
            if reason
            else texts.message_failed(patient.alias, text),
        )
        return True
    # Stored (encrypted, in the patient's shard) and audited in one store call.
    await svc.db(
        svc.repo.record_message,
        patient.patient_id,
        "counselor",
        counselor.telegram_id,
        counselor.telegram_id,
        text,
        svc.now(),
        via_alert=via,
    )
    await reply(update, texts.message_sent(patient.alias))
    return True


async def _moved(context: Context, patient_id: str) -> str:
    svc = context.svc
    patient = await svc.db(svc.repo.patient, patient_id)
    if patient is None:
        return texts.MESSAGE_GONE
    name = await svc.db(svc.repo.counselor_name, patient.counselor_id) or texts.ANOTHER_COUNSELOR
    return texts.draft_patient_moved(patient.alias, name)


def _withdrawn(context: Context, patient: Patient) -> str:
    """Why a withdrawn patient cannot be messaged, with the day they withdrew (or an admin closed it)."""
    at = patient.status_changed_at
    day = at.astimezone(context.svc.settings.tz).date() if at else None
    said = texts.patient_closed if patient.closed_by_program else texts.patient_withdrawn
    return said(patient.alias, day)


async def _alert_writer(context: Context, telegram_id: int, patient_id: str) -> Counselor | None:
    """The counselor, when a crisis alert about this patient reached them and is still followed: writing to
    the patient is then not behind the PIN (it shows no patient data), as Acknowledge is not (newcomer5
    finding 41: locked out after wrong PINs, a counselor could silence the alert but not tell the patient
    "I'm calling you right now")."""
    svc = context.svc
    alert = await svc.db(alert_followed, svc.repo, patient_id, svc.now())
    if alert is None or not (
        alert.acked_by == telegram_id or any(d.to == telegram_id for d in alert.deliveries)
    ):
        return None
    return await svc.db(svc.repo.counselor, telegram_id)
