"""The counselor's side of an alert: see the message (audit-logged, behind the PIN) and acknowledge it (never)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.domain.alert_kinds import CRISIS_WORD_KINDS
from bot.domain.escalation import Alert, acknowledge, may_view
from bot.domain.models import Counselor
from bot.domain.screen.assess import assess
from bot.handlers.unlock import ensure_unlocked
from bot.jobs.alert_groups import alert_rows, refresh_group
from bot.jobs.alerts import alert_card, send_again
from bot.jobs.reach import staff
from bot.jobs.restored import restored_from
from bot.jobs.unanswered import tell_seen
from bot.telegram.keyboards import answer_query, keyboard
from bot.telegram.services import Context
from bot.usecases.alert_since import words_since
from bot.usecases.paged import alert_brief
from bot.usecases.workspace import checkin_cells

log = logging.getLogger(__name__)
# Alerts whose words are what the crisis screen read (the others carry a questionnaire item or none).
SCREENED = CRISIS_WORD_KINDS


async def alert_button(update: Update, context: Context) -> None:
    """ "al:show|ack:<id>" from a counselor's alert, "al:open:<id>" from a patient's page."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None and user is not None
    svc = context.svc
    _, action, alert_id, message_id = [*query.data.split(":"), "", "", ""][:4]
    if action == "older":  # "al:older:<patient>": a patient's, not an alert's
        await _open_older(update, context, alert_id)
        return
    alert = await svc.db(svc.repo.alert, alert_id)
    counselor = await svc.db(svc.repo.counselor, user.id)
    admins = [user.id] if counselor is not None and counselor.role == "admin" else []
    if alert is None and counselor is not None and (taken := await restored_from(svc)) is not None:
        # Ops O104: a card from before a restore, for an alert the restored records do not hold: "isn't for
        # you" read as someone else's, while nobody has it any more.
        log.warning(
            "alert button %r from %s: the alert is not in the records restored from a backup",
            query.data,
            user.id,
        )
        await answer_query(
            query, texts.alert_not_in_records(taken.astimezone(svc.settings.tz)), show_alert=True
        )
        return
    if alert is None or counselor is None or not may_view(alert, user.id, admins):
        log.warning("refused alert button %r from user %s", query.data, user.id)
        await answer_query(query, await _not_yours(context, user.id), show_alert=True)
        return
    alias = await svc.db(svc.repo.alias_of, alert.patient_id) or texts.A_PATIENT
    if action == "ack":
        # Never behind the PIN: acknowledging shows no patient data, and a locked-out counselor
        # who cannot silence an alert would leave it escalating while they are already on it.
        if not alert.open:
            await answer_query(query, texts.ALERT_ALREADY)
            return
        await answer_query(query, texts.ALERT_THANKS)
        if await acknowledge_alerts(context, counselor, [alert_id]):
            from bot.handlers import alert_note  # here: it imports this module

            await alert_note.offer(context, counselor, alias, alert_id)
        return
    if action == "note":  # "📝 Add what was done", offered after acknowledging (newcomer16 N139)
        from bot.handlers import alert_note

        await alert_note.ask(update, context, counselor, alert)
        return
    if action == "open":
        # From a patient's page: the alert itself, to read and acknowledge (a bulk tap never closes it).
        if not alert.open:
            await answer_query(query, texts.ALERT_ALREADY)
            return
        await answer_query(query)
        await send_again(context.application, alert, user.id)
        return
    if action not in ("show", "words"):
        await answer_query(query, texts.STALE_BUTTON)
        return
    # The patient's words need the PIN (the alert itself reached them locked: safety first).
    if not await ensure_unlocked(update, context, counselor):
        return
    if action == "words":  # words written after the alert, shown to whoever got the alert
        await _words_after(update, context, alert, alias, message_id)
        return
    await answer_query(query)
    await svc.db(svc.repo.audit, svc.now(), user.id, "alert_message_viewed", alert.patient_id, alert=alert_id)
    for page in await _words(context, alert, alias):
        await context.bot.send_message(user.id, page)
    # And every word written since: someone it reached later had no "wrote again" card (newcomer14 N105).
    found = await svc.db(words_since, svc.repo, alert, svc.now())
    if found.words:
        tz = svc.settings.tz
        for page in texts.words_shown(alias, [(m.at.astimezone(tz), m.text) for m in found.words]):
            await context.bot.send_message(user.id, page)


async def _open_older(update: Update, context: Context, patient_id: str) -> None:
    """A reminder's button for one patient's older alerts (past their last reminder): each open one this
    person holds, again, with its buttons. Someone on call holds alerts of patients their /caseload does not
    list (newcomer N72), so this is their way back to them. Not behind the PIN, as "al:open" is not."""
    query, user, svc = update.callback_query, update.effective_user, context.svc
    assert query is not None and user is not None
    counselor = await svc.db(svc.repo.counselor, user.id)
    admins = [user.id] if counselor is not None and counselor.role == "admin" else []
    theirs = [a for a in await svc.db(svc.repo.open_alerts) if a.patient_id == patient_id and a.urgent]
    held = [a for a in theirs if may_view(a, user.id, admins)]
    if counselor is None or (theirs and not held):
        log.warning("refused alert button %r from user %s", query.data, user.id)
        await answer_query(query, await _not_yours(context, user.id), show_alert=True)
        return
    if not held:  # acknowledged since, every one
        await answer_query(query, texts.ALERT_ALREADY)
        return
    await answer_query(query)
    for alert in held:
        await send_again(context.application, alert, user.id)


async def _words_after(update: Update, context: Context, alert: Alert, alias: str, message_id: str) -> None:
    query, svc = update.callback_query, context.svc
    assert query is not None and update.effective_user is not None
    if "." in message_id:
        await _words_gathered(update, context, alert, alias, *message_id.split(".", 1))
        return
    message = await svc.db(svc.repo.message, alert.patient_id, message_id) if message_id.isalnum() else None
    if message is None:  # erased with /delete since
        await answer_query(query, texts.MESSAGE_GONE, show_alert=True)
        return
    await answer_query(query)
    who = update.effective_user.id
    await svc.db(svc.repo.audit, svc.now(), who, "message_viewed", alert.patient_id, alert=alert.alert_id)
    tz = svc.settings.tz
    written = message.written.astimezone(tz) if message.written is not None else None  # read late: said
    for page in texts.patient_message_pages(alias, message.at.astimezone(tz), message.text, written):
        await context.bot.send_message(who, page)  # 4,096 characters and a header: in pages


async def _words_gathered(
    update: Update, context: Context, alert: Alert, alias: str, first: str, last: str
) -> None:
    """ "Show messages" on a card that gathered a flood of words: every one of them, oldest first."""
    query, svc = update.callback_query, context.svc
    assert query is not None and update.effective_user is not None
    thread = [m for m in await svc.db(svc.repo.messages, alert.patient_id) if m.sender == "patient"]
    ids = [m.message_id for m in thread]
    if first not in ids:  # erased with /delete since
        await answer_query(query, texts.MESSAGE_GONE, show_alert=True)
        return
    # To the last one if it is there (a cut-off card stops early); else everything since the first.
    end = ids.index(last) + 1 if last in ids else len(ids)
    shown = thread[ids.index(first) : end]
    await answer_query(query)
    who = update.effective_user.id
    await svc.db(svc.repo.audit, svc.now(), who, "message_viewed", alert.patient_id, alert=alert.alert_id)
    tz = svc.settings.tz
    for page in texts.words_shown(alias, [(m.at.astimezone(tz), m.text) for m in shown]):
        await context.bot.send_message(who, page)


async def _words(context: Context, alert: Alert, alias: str) -> list[str]:
    """The patient's words; if they are gone, why (erased with /delete, and when), never an empty quote.
    An alert that never had words (not safe, SOS, an urgent check-in): the crisis words and check-in around it."""
    svc = context.svc
    if alert.text and alert.kind in SCREENED:
        # Why it was flagged, and its language (finding 13): the patient's words, never the bot's labels (N273).
        found = assess(texts.patient_words(alert.text), year=svc.now().year)
        return texts.alert_message(
            alias, alert.text, texts.flag_explained(list(found.reasons), found.language)
        )
    if alert.text:
        return texts.alert_message(alias, alert.text)
    patient = await svc.db(svc.repo.patient, alert.patient_id)
    if patient is not None and patient.status != "withdrawn":
        brief = await svc.db(alert_brief, svc.repo, alert, patient.tz or svc.settings.tz, svc.now())
        entry = brief.checkin
        if brief.earlier or entry is not None:
            earlier = [(at.astimezone(svc.settings.tz), words) for at, words in brief.earlier]
            if entry is None:
                return [texts.alert_brief(alias, earlier, None, [], None)]
            note = entry.answers.get("note")
            cells = checkin_cells(entry, svc.checkin)
            return [texts.alert_brief(alias, earlier, entry.local_date, cells, str(note) if note else None)]
    erased = (await svc.db(svc.repo.erasures)).get(alert.patient_id)
    if erased is None or erased < alert.created_at:
        return [texts.alert_without_words(alias)]
    return [texts.alert_words_deleted(alias, erased.astimezone(svc.settings.tz))]  # the counselor's zone


async def acknowledge_alerts(context: Context, counselor: Counselor, alert_ids: Iterable[str]) -> int:
    """Close these alerts (the open ones) and show everyone who got them who took them; returns how many."""
    svc = context.svc
    now = svc.now()
    closed = 0
    for alert_id in alert_ids:
        alert = await svc.db(svc.repo.alert, alert_id)
        if alert is None or not alert.open:
            continue
        changed = await svc.db(
            svc.repo.change_alert, alert_id, lambda a: acknowledge(a, counselor.telegram_id, now)
        )
        if changed is None or changed.acked_at != now or changed.acked_by != counselor.telegram_id:
            continue  # someone else's acknowledgement landed first: theirs stands
        alert = changed  # the acknowledgement is audit-logged by the store, in the same call
        closed += 1
        await mark_acknowledged(context, alert, counselor)
        await tell_seen(context.application, alert)  # told nobody had answered: now someone has
    return closed


async def mark_acknowledged(context: Context, alert: Alert, counselor: Counselor) -> None:
    """Everyone who got this alert sees who took it, so two people don't both scramble (and the note on what
    was done, once ``counselor`` added one: newcomer16 N139)."""
    svc = context.svc
    alias = await svc.db(svc.repo.alias_of, alert.patient_id) or texts.A_PATIENT
    tz = svc.settings.tz  # a counselor's times are in the program's zone, named (their patients live in many)
    assert alert.acked_at is not None
    line = texts.reminder_acknowledged(alias, alert.kind, counselor.name, alert.acked_at.astimezone(tz))
    noted = texts.ack_note_line(counselor.name, alert.ack_note)
    line += f"\n{noted}" if noted else ""
    rows = alert_rows(alert, await svc.db(svc.repo.patient, alert.patient_id))
    _, gone = await staff(svc)
    for d in alert.deliveries:
        if d.to in gone:  # removed since: nothing more reaches them, live state included (newcomer7 N26)
            continue
        if d.grouped:  # a reminder listing other alerts too: they keep their buttons
            # One ✅ line under the list, never the acknowledged alert's whole card (newcomer7 N8).
            await refresh_group(context.application, svc, d.to, d.message_id, line)
            continue
        # The card as it was sent, every line of it (newcomer6 finding 23: the lines under its first went with
        # the tap: last reminder, rerouted, who else it reached), then who took it.
        original, _ = await alert_card(svc, alert, d.round, d.to, at=d.at)
        card = texts.alert_acknowledged(original, counselor.name, alert.acked_at.astimezone(tz))
        card += f"\n{noted}" if noted else ""
        try:
            await context.bot.edit_message_text(
                card, chat_id=d.to, message_id=d.message_id, reply_markup=keyboard(rows) if rows else None
            )
        except TelegramError as exc:
            log.info("could not mark alert %s acknowledged for %s: %s", alert.alert_id, d.to, exc)


async def _not_yours(context: Context, user_id: int) -> str:
    """Why a card's button is refused: to a counselor removed since, that they were (ops O136: "This alert isn't
    for you" read as if someone else always had it), else that it is not theirs."""
    if user_id in await context.svc.db(context.svc.repo.removed_counselors):
        return texts.ALERT_COUNSELOR_REMOVED
    return texts.ALERT_NOT_YOURS
