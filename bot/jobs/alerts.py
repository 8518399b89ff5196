"""Delivers the alert outbox: at once when an alert is raised, and every half minute for escalation.

The outbox is stored, so an alert raised just before a crash or an outage is still delivered after it; a
delivery is recorded when Telegram accepted it, so a restart never repeats one."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial

from telegram.error import BadRequest, TelegramError

from bot import texts
from bot.config.settings import Settings
from bot.domain.alert_facts import handling, waited
from bot.domain.escalation import (
    Alert,
    AlertKind,
    Policy,
    new_alert,
    on_call,
    pending,
    recipients,
    rounds_due,
    with_delivery,
    with_unreachable,
)
from bot.domain.models import Counselor, Patient
from bot.jobs.alert_flood import sweep_after_flood
from bot.jobs.alert_groups import alert_rows, gather_soon, record_delivery, send_group
from bot.jobs.alert_notes import covering, nobody_had, rerouted, since, told
from bot.jobs.alerts_unsaved import send_unsaved, store_late
from bot.jobs.escalation_clock import AlertClock, alert_clock, clock_facts, escalation_now, stamp
from bot.jobs.reach import Unreachable, send_to_counselor, staff, stand_ins_now
from bot.jobs.rerouted import tell_patient_rerouted
from bot.jobs.unanswered import tell_unanswered
from bot.store.alert_data import AlertNotStored
from bot.telegram.keyboards import Buttons, keyboard
from bot.telegram.limiter import alert_send
from bot.telegram.services import App, Context, Services
from bot.telegram.unfinished import retry_unfinished
from bot.usecases.patient_text import alert_followed

log = logging.getLogger(__name__)
INTERVAL = 30  # seconds between outbox sweeps; escalation times are in minutes


def policy(
    settings: Settings, counselors: list[Counselor] | None = None, gone: frozenset[int] = frozenset()
) -> Policy:
    """The escalation policy from settings; ``counselors`` (when given): the admins, and all an alert goes to."""
    admins = tuple(c.telegram_id for c in counselors or () if c.role == "admin")
    return Policy(
        escalate_after=timedelta(minutes=settings.escalate_after_minutes),
        repeat_every=timedelta(minutes=settings.escalate_repeat_minutes),
        max_rounds=settings.escalate_max_rounds,
        oncall=on_call(settings.oncall, gone, admins),
        admins=admins,
        gone=gone,
        staff=None if counselors is None else frozenset(c.telegram_id for c in counselors),
    )


def schedule(app: App) -> None:
    """Sweep the outbox regularly (started at start-up, so open alerts survive restarts)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=1, name="alerts")


async def _sweep_job(context: Context) -> None:
    """Put alerts the store refused earlier on the record, then deliver every alert round that is due."""
    if context.svc.state.alerts_unstored or context.svc.state.sos_unstored:
        await store_late(context.svc)
    await retry_unfinished(context.application)  # what a full disk kept from being handled (ops O42)
    await deliver_due(context.application)


async def raise_alert(
    app: App,
    kind: AlertKind,
    patient: Patient,
    text: str = "",
    *,
    reply_unsent: bool = False,
    written_at: datetime | None = None,
) -> None:
    """Store a new alert, then deliver it at once (even when it cannot be stored). ``reply_unsent``: the
    bot's answer to the patient did not go, and the card says so; ``written_at``: when they wrote the words."""
    svc = app.bot_data.svc
    now = svc.now()
    try:
        earlier = await svc.db(alert_followed, svc.repo, patient.patient_id, now)
    except Exception:  # any store failure: the new alert goes to its usual people, and this is logged
        log.exception("patient %s: the earlier alert's people could not be read", patient.patient_id)
        earlier = None
    also = (*(handling(earlier) if earlier else ()), *await stand_ins_now(svc, patient.counselor_id))
    alert = new_alert(
        kind,
        patient.patient_id,
        patient.counselor_id,
        now,
        text,
        reply_unsent=reply_unsent,
        also=also,
        **clock_facts(svc, written_at),  # Telegram's clock to ours, and how far off ours is (O69)
    )
    await raise_new(app, alert, patient.alias)


async def raise_new(app: App, alert: Alert, alias: str) -> None:
    """Store this new alert (about ``alias``), then deliver it at once (even when it cannot be stored)."""
    svc = app.bot_data.svc
    try:
        await svc.db(svc.repo.add_alert, alert)
    except OSError as exc:  # a full or read-only disk: the outbox is out of reach
        log.error("alert %s for patient %s could not be stored: %s", alert.alert_id, alert.patient_id, exc)
        # Their next words: bot/handlers/unsaved.py.
        svc.state.unsaved_alerts[alert.patient_id] = alert.created_at
        if isinstance(exc, AlertNotStored):  # raised on the record already: stored late, not raised twice
            svc.state.alerts_audited[alert.alert_id] = {"raised"}
        await send_unsaved(app, svc, alert, alias)
        return
    log.info("alert %s raised for patient %s", alert.alert_id, alert.patient_id)
    log.debug("alert %s is of kind %s", alert.alert_id, alert.kind)  # not at INFO: see README, Logs
    await deliver_due(app)


async def deliver_due(app: App) -> None:
    """Send every due, undelivered round of every open alert (one sweep at a time, each on its own clock: ops O76):
    a new alert as its own card at once, the reminders after it as one message per person listing their alerts."""
    svc = app.bot_data.svc
    async with svc.state.alerts_lock:
        counselors, gone = await staff(svc)  # N67: an on-call id that is no counselor gets nothing
        rules = policy(svc.settings, counselors, gone)
        tried: set[tuple[str, int, int]] = set()
        # A refusal adds recipients (on-call, admins) at once, so look again until none is new.
        while True:
            at, alerts = alert_clock(await escalation_now(app)), await svc.db(svc.repo.open_alerts)
            todo = [(a, r, to) for a in alerts for r, to in pending(a, at(a), rules)]
            done = tried | svc.state.sent_unrecorded  # sent, though a full disk kept it from the store
            todo = [(a, r, to) for a, r, to in todo if (a.alert_id, r, to) not in done]
            if not todo:
                # Past the last round with nobody on it: the patient must not be left with "I've told…".
                await tell_unanswered(app, alerts, rules, at)
                return
            reminders: dict[int, list[tuple[Alert, int]]] = {}
            for alert, round_, to in todo:
                tried.add((alert.alert_id, round_, to))
                # Its card whatever its round while nobody has had it (ops O61: a restart made it a line).
                if round_ == 0 or not (alert.deliveries or alert.unreachable):
                    await _deliver(app, svc, alert, round_, to)
                else:
                    reminders.setdefault(to, []).append((alert, round_))
            for to, due in reminders.items():
                early = gather_soon(alerts, to, due, at, rules, tried | done)
                tried.update((a.alert_id, r, to) for a, r in early)
                due += early
                await _remind(app, svc, to, due, alerts, rules, at)


async def _remind(
    app: App,
    svc: Services,
    to: int,
    due: list[tuple[Alert, int]],
    alerts: list[Alert],
    rules: Policy,
    at: AlertClock,
) -> None:
    """One reminder to ``to``: the rounds due for them, and the open alerts they already had (so the next
    reminders fall due together); an unreachable person is rerouted as for a single alert."""
    listed = {a.alert_id for a, _ in due}
    plate, stale = [], []
    for a in alerts:
        if a.urgent and a.alert_id not in listed and any(d.to == to for d in a.deliveries):
            round_ = rounds_due(a, at(a), rules)[-1]
            if to not in recipients(a, round_, rules):
                continue  # no longer theirs: the patient was reassigned since (newcomer N12)
            # Its last reminder reached them already: one summary line, not the whole alert again above a
            # new one (newcomer6 finding 23: a wall of "last reminder" alerts came back with every round).
            done = round_ >= rules.max_rounds and any(d.to == to and d.round >= round_ for d in a.deliveries)
            (stale.append(a) if done else plate.append((a, round_)))
    try:
        await send_group(app, svc, to, [*due, *plate], stale=stale)
    except Unreachable as exc:
        why = exc.reason
        if all(to in a.unreachable_ids() for a, _ in due):  # said loudly once; still tried every sweep
            log.warning("alert reminder to %s still undeliverable: they %s", to, texts.of_them(why))
            return
        log.error("alert reminder cannot reach %s (%s): rerouted to on-call and admins", to, why)
        unreachable = partial(with_unreachable, to=to, why=why)
        for alert, _ in due:
            await svc.db(svc.repo.change_alert, alert.alert_id, unreachable, svc.now())
    except TelegramError as exc:  # left in the outbox: the next sweep tries again
        # A refusal trying again will not change (a 400) is a bug that keeps the alert from a person: loud.
        log.log(_level(exc), "alert reminder to %s not delivered yet: %s", to, exc)
        sweep_after_flood(app, exc, _sweep_job)


def _level(exc: TelegramError) -> int:
    """WARNING for a failure that passes (an outage, a 429), ERROR for a refusal that never will."""
    return logging.ERROR if isinstance(exc, BadRequest) else logging.WARNING


async def alert_card(
    svc: Services, alert: Alert, round_: int, to: int, at: datetime | None = None
) -> tuple[str, Buttons]:
    """The alert as ``to`` gets it in ``round_`` (sent ``at``, now if not given): what happened and when, and
    its buttons."""
    patient = await svc.db(svc.repo.patient, alert.patient_id)
    alias = await svc.db(svc.repo.alias_of, alert.patient_id) or texts.A_PATIENT  # invited: their alias too
    tz = svc.settings.tz  # a counselor's times are in the program's zone, named (their patients live in many)
    minutes = int(((at or stamp(svc, alert)) - alert.created_at).total_seconds() // 60)
    last = alert.urgent and round_ >= svc.settings.escalate_max_rounds
    written = waited(alert)
    text = texts.counselor_alert(
        alert.kind,
        alias,
        alert.created_at.astimezone(tz),
        round_,
        minutes,
        last=last,
        written=written.astimezone(tz) if written else None,
        again=tuple(x.astimezone(tz) for x in alert.again),
        enrolled=patient is not None and patient.status == "active",
        first_late=round_ > 0 and nobody_had(svc, alert),  # ops O83
    )
    text += await rerouted(svc, alert, to) + await since(svc, alert, at)
    text += await told(svc, alert, alias, last)
    if alert.reply_unsent:
        text += "\n\n" + texts.alert_reply_unsent(alias)
    if alert.words_erased:  # no "Show message" below: say why
        erased = (await svc.db(svc.repo.erasures)).get(alert.patient_id, alert.created_at)
        text += "\n\n" + texts.alert_words_deleted(alias, erased.astimezone(tz))
    if patient is not None and to != patient.counselor_id:
        text += await covering(svc, alert, patient, alias, to)
    if patient is not None and patient.closed_by_program:  # not "/stop": an admin closed it
        text = texts.as_closed(text)
    return text, alert_rows(alert, patient)


async def send_again(app: App, alert: Alert, to: int) -> None:
    """The open alert once more, to someone who asked for it from a patient's page; recorded as a delivery
    of its latest round, so acknowledging it anywhere marks this copy too; on the audit log as their view
    (``alert_opened``), never as a round the bot sent (newcomer12 N86)."""
    svc = app.bot_data.svc
    round_ = max((d.round for d in alert.deliveries), default=0)
    text, rows = await alert_card(svc, alert, round_, to)
    sent = await send_to_counselor(app.bot, svc, to, text, reply_markup=keyboard(rows), **alert_send(app.bot))
    at = stamp(svc, alert)
    await svc.db(
        svc.repo.change_alert,
        alert.alert_id,
        lambda a: with_delivery(a, round_, to, sent.message_id, at, opened=True),
    )


async def _deliver(app: App, svc: Services, alert: Alert, round_: int, to: int) -> Alert:
    text, rows = await alert_card(svc, alert, round_, to)
    try:
        sent = await send_to_counselor(
            app.bot, svc, to, text, reply_markup=keyboard(rows), **alert_send(app.bot)
        )
    except Unreachable as exc:
        # Still tried every sweep (they may start the bot), but the others hear of it now.
        if to not in alert.unreachable_ids():
            log.error("alert %s cannot reach %s (%s): rerouted to on-call and admins",
                      alert.alert_id, to, exc.reason)  # fmt: skip
            why = exc.reason
            unreachable = partial(with_unreachable, to=to, why=why)
            stored = await svc.db(svc.repo.change_alert, alert.alert_id, unreachable, svc.now())
            alert = stored or with_unreachable(alert, to, why)
            if round_ == 0:  # the patient was told their counselor knows: say who truly does (newcomer N11)
                await tell_patient_rerouted(app, alert, to)
        else:
            log.warning(
                "alert %s to %s still undeliverable: they %s", alert.alert_id, to, texts.of_them(exc.reason)
            )
        return alert
    except TelegramError as exc:
        # Left in the outbox: the next sweep tries again.
        log.log(_level(exc), "alert %s to %s not delivered yet: %s", alert.alert_id, to, exc)
        sweep_after_flood(app, exc, _sweep_job)
        return alert
    at = stamp(svc, alert)
    if alert.urgent and round_ >= svc.settings.escalate_max_rounds and to == alert.counselor_id:
        # Loud: from here on nothing more is sent, and `iop-bot doctor` fails while it stays open.
        minutes = int((at - alert.created_at).total_seconds() // 60)
        log.error("alert %s unacknowledged after %d min: last reminder sent, no more will be", alert.alert_id, minutes)  # fmt: skip
    # Recorded on the alert as stored now: the counselor may have acknowledged it while this was sending.

    def change(a: Alert) -> Alert:
        return with_delivery(a, round_, to, sent.message_id, at)

    stored = await record_delivery(svc, alert.alert_id, round_, to, change)
    return stored or with_delivery(alert, round_, to, sent.message_id, at)
