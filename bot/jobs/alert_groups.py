"""Escalation reminders, one message per person a sweep: every open alert on their plate, each with its own
buttons (newcomer finding 16: one message per alert and round was a flood nobody reads at 3 a.m.).

Round 0 (a new alert) stays its own card at once; from round 1 on, everything due for a person in a sweep goes
in one message that also lists the open alerts they already had, so the next reminders fall due together.
Each alert is recorded as delivered in that message (``grouped``), which is what holds its next reminder to
that person back for a whole repeat interval (bot/domain/escalation.py): a round caught up late after a
restart is never followed by the next one a minute later.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from telegram import InlineKeyboardMarkup
from telegram.error import TelegramError

from bot import texts
from bot.domain.escalation import Alert, Policy, pending, with_delivery
from bot.domain.models import Patient
from bot.jobs.alert_notes import held, words_after
from bot.jobs.escalation_clock import stamp
from bot.jobs.reach import send_to_counselor
from bot.jobs.unanswered import DANGER
from bot.telegram.keyboards import Buttons, keyboard
from bot.telegram.limiter import alert_send
from bot.telegram.services import App, Services

log = logging.getLogger(__name__)
PER_MESSAGE = 20  # alerts in one message: two buttons each stays well inside Telegram's keyboard limits
STALE_BUTTONS = 20  # patients with a button for their older alerts: with PER_MESSAGE's 40, inside the 100


async def group_card(
    svc: Services,
    to: int,
    alerts: Sequence[tuple[Alert, int]],
    now: datetime,
    title: Callable[[list[str]], str] | None = None,
    stale: Sequence[Alert] = (),
    notes: dict[str, str] | None = None,
) -> tuple[str, Buttons]:
    """The reminder to ``to`` listing these (alert, round) pairs in the order given, and a row of buttons for
    each: one opens the alert's own card (its words, "Message patient"), one acknowledges it. ``stale``:
    open alerts past their last reminder to ``to``, summed up in one line. ``notes``: each alert's line about
    the words since it, kept across the builds of one message (it is built again, shorter, until it fits)."""
    notes = {} if notes is None else notes
    tz, last_round = svc.settings.tz, svc.settings.escalate_max_rounds
    lines, rows, untold = [], [], []
    for alert, round_ in alerts:
        patient = await svc.db(svc.repo.patient, alert.patient_id)
        alias = await svc.db(svc.repo.alias_of, alert.patient_id) or texts.A_PATIENT  # invited: theirs too
        whose = None
        if patient is not None and patient.counselor_id != to:  # on call for a colleague's patient
            counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
            whose = counselor.name if counselor else texts.ANOTHER_COUNSELOR
        at = alert.created_at.astimezone(tz)
        minutes = int((stamp(svc, alert) - alert.created_at).total_seconds() // 60)
        last = round_ >= last_round
        if last and alert.kind in DANGER and (note := await held(svc, alert, alias)):
            untold.append(
                (alert.alert_id, note)
            )  # another alert about them was acknowledged (newcomer14 N112)
        line = texts.reminder_line(
            alert.kind,
            alias,
            at,
            minutes,
            whose=whose,
            last=last,
            again=len(alert.again),
            new=round_ == 0 and title is None,
        )
        if alert.alert_id not in notes:  # newcomer14 N105: the worst reading in the words since
            found = await words_after(svc, alert, now)
            notes[alert.alert_id] = (
                texts.since_line(len(found.words), found.level, found.reasons) if found is not None else ""
            )
        line += notes[alert.alert_id]
        lines.append(texts.as_closed(line) if patient is not None and patient.closed_by_program else line)
        label = texts.open_alert_button(f"{alias}: {svc.flag_rules.label(alert.kind)}", at)
        rows.append(
            [(label, f"al:open:{alert.alert_id}"), (texts.BTN_ACKNOWLEDGE, f"al:ack:{alert.alert_id}")]
        )
    if title is not None:  # another message listing open alerts (a handover, bot/jobs/roster.py)
        return title(lines), rows
    older, more = await _summed(svc, stale)
    rows += more
    last = any(r >= last_round for _, r in alerts)
    text = texts.reminder_group(lines, last=last, stale=older, buttons=_shown(older, more))
    not_told = {i for i, _ in untold}
    told = [a for a, r in alerts if r >= last_round and a.kind in DANGER and a.alert_id not in not_told]
    if told:  # finding 32; who, by name (newcomer16 N128)
        names: list[str] = []
        for a in told:
            name = await svc.db(svc.repo.alias_of, a.patient_id)
            names.append(name or texts.A_PATIENT)
        text += f"\n{texts.told_on_last_reminder(list(dict.fromkeys(names)))}"
    text += "".join(dict.fromkeys(note for _, note in untold))  # one per patient and answer
    return text, rows


async def _summed(
    svc: Services, stale: Sequence[Alert]
) -> tuple[list[tuple[str, int]], list[list[tuple[str, str]]]]:
    """(alias, count) of the alerts summed up in one line, by alias, and a button per patient that opens
    theirs again ("al:older:<patient>"): someone on call holds alerts of patients their /caseload does not
    list (newcomer N72), so the reminder itself is the way back to them."""
    older: Counter[str] = Counter()
    each: Counter[tuple[str, str]] = Counter()  # (alias, patient id): two invited ones are both "a patient"
    for a in stale:
        alias = await svc.db(svc.repo.alias_of, a.patient_id) or texts.A_PATIENT
        older[alias] += 1
        each[(alias, a.patient_id)] += 1
    summed = sorted(older.items())
    buttons = [
        (texts.older_alerts_button(alias, k), f"al:older:{patient_id}")
        for (alias, patient_id), k in sorted(each.items())
    ][:STALE_BUTTONS]
    return summed, [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


def _shown(older: Sequence[tuple[str, int]], rows: Sequence[Sequence[object]]) -> int | None:
    """How many patients have a button when not all do (None: all of them)."""
    shown = sum(len(row) for row in rows)
    return None if shown >= len(older) else shown


async def send_group(
    app: App,
    svc: Services,
    to: int,
    alerts: Sequence[tuple[Alert, int]],
    title: Callable[[list[str]], str] | None = None,
    stale: Sequence[Alert] = (),
) -> None:
    """One reminder message per PER_MESSAGE alerts to ``to``, each alert recorded as delivered in it.
    Raises what sending raises (the caller reroutes an unreachable person and retries the rest next sweep).
    A reminder lists the newest first (the alert it is for leads, not the bottom of a list at 1 AM); a
    handover (``title``) keeps the oldest first. ``stale`` go in one line of the first message."""
    ordered = sorted(alerts, key=lambda pair: pair[0].created_at, reverse=title is None)
    start, notes = 0, dict[str, str]()
    while start < len(ordered):
        size = min(PER_MESSAGE, len(ordered) - start)
        while True:  # fewer alerts while the message would be too long (audit: refused at every sweep)
            part = ordered[start : start + size]
            text, rows = await group_card(svc, to, part, svc.now(), title, stale if start == 0 else (), notes)
            if size == 1 or len(text) <= texts.MAX_MESSAGE:  # its HTML: longer than what Telegram counts
                break
            size -= 1
        start += size
        sent = await send_to_counselor(
            app.bot, svc, to, text, reply_markup=keyboard(rows), **alert_send(app.bot)
        )
        for alert, round_ in part:
            at = stamp(svc, alert)  # on the alert's own clock (ops O76)
            if alert.urgent and round_ >= svc.settings.escalate_max_rounds and to == alert.counselor_id:
                minutes = int((at - alert.created_at).total_seconds() // 60)
                log.error("alert %s unacknowledged after %d min: last reminder sent, no more will be",
                          alert.alert_id, minutes)  # fmt: skip

            def add(a: Alert, r: int = round_, mid: int = sent.message_id, when: datetime = at) -> Alert:
                return with_delivery(a, r, to, mid, when, grouped=True)

            await record_delivery(svc, alert.alert_id, round_, to, add)


async def record_delivery(
    svc: Services, alert_id: str, round_: int, to: int, change: Callable[[Alert], Alert]
) -> Alert | None:
    """Record a round Telegram took. On a full or read-only disk it is remembered in memory instead, so the
    next sweep does not send it again (newcomer finding 10b-23: the last reminder came every 30 s)."""
    try:
        stored: Alert | None = await svc.db(svc.repo.change_alert, alert_id, change)
    except OSError as exc:
        svc.state.sent_unrecorded.add((alert_id, round_, to))
        log.error(
            "alert %s: its delivery to %s could not be recorded (%s); not sent again", alert_id, to, exc
        )
        return None
    return stored


async def refresh_group(app: App, svc: Services, to: int, message_id: int, done: str) -> None:
    """A reminder after one of its alerts was acknowledged: the open ones keep their buttons, ``done`` says
    which was taken and by whom (all taken: the buttons go)."""
    alerts = await svc.db(svc.repo.open_alerts)
    members = [
        (a, max(d.round for d in a.deliveries if d.to == to and d.message_id == message_id))
        for a in alerts
        if any(d.grouped and d.to == to and d.message_id == message_id for d in a.deliveries)
    ]
    # The older alerts it summed up in one line stay said (newcomer6 finding 23: the line went with the tap).
    last_round, listed = svc.settings.escalate_max_rounds, {a.alert_id for a, _ in members}
    stale = [
        a
        for a in alerts
        if a.urgent
        and a.alert_id not in listed
        and any(d.to == to and d.round >= last_round and d.message_id != message_id for d in a.deliveries)
    ]
    markup: InlineKeyboardMarkup | None
    if members:
        text, rows = await group_card(svc, to, members, svc.now(), stale=stale)
        text, markup = f"{text}\n\n{done}", keyboard(rows)
    else:
        older, more = await _summed(svc, stale)
        text = texts.reminder_all_acknowledged(done, older, _shown(older, more))
        # The older alerts' buttons stay; with none, no keyboard.
        markup = keyboard(more) if more else None
    try:
        await app.bot.edit_message_text(text, chat_id=to, message_id=message_id, reply_markup=markup)
    except TelegramError as exc:
        log.info("could not update reminder %s for %s: %s", message_id, to, exc)


# Rounds due this soon for someone getting a reminder now go in it, early (newcomer12 N61: an on-call counselor
# got "Still not acknowledged" twice 30 s apart, for two alerts raised 30 s apart).
GATHER = timedelta(minutes=1)


def gather_soon(
    alerts: list[Alert],
    to: int,
    due: list[tuple[Alert, int]],
    now: Callable[[Alert], datetime],
    rules: Policy,
    done: set[tuple[str, int, int]],
) -> list[tuple[Alert, int]]:
    """The later rounds for ``to`` falling due within ``GATHER`` (at most half a repeat interval), not yet in;
    ``now``: the sweep's time on each alert's clock (bot/jobs/escalation_clock.py)."""
    soon, listed = min(GATHER, rules.repeat_every / 2), {a.alert_id for a, _ in due}
    found = []
    for a in alerts:
        if a.alert_id in listed:
            continue
        for round_, who in pending(a, now(a) + soon, rules):
            if who == to and round_ > 0 and (a.alert_id, round_, to) not in done:
                found.append((a, round_))
    return found


def alert_rows(alert: Alert, patient: Patient | None) -> list[list[tuple[str, str]]]:
    """An alert card's buttons; once acknowledged, the same without "Acknowledge" (newcomer5 finding 4:
    after "I'm on it" the card lost "Message patient", the next thing the counselor needed)."""
    reachable = patient is not None and patient.status != "withdrawn"
    buttons = [(texts.BTN_ACKNOWLEDGE, f"al:ack:{alert.alert_id}")] if alert.open else []
    if alert.text or (
        alert.urgent and reachable and not alert.words_erased
    ):  # none: the day's words around it
        buttons.insert(0, (texts.BTN_SHOW_MESSAGE, f"al:show:{alert.alert_id}"))
    rows = [buttons] if buttons else []
    if patient is not None and reachable:
        rows.append([(texts.BTN_MESSAGE_PATIENT, f"pa:msg:{patient.patient_id}")])
    return rows
