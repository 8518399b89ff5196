"""An urgent alert past its last reminder, unacknowledged: the patient hears the truth (newcomer6 finding 32).

"I've told your counselor this is urgent" was the last thing the patient ever read, while the reminders ran
out with nobody answering. Once the last round is due, the alert sweep tells the patient (in their language)
that their care team has not answered yet, with the lines again; once someone acknowledges, that a person has
seen it. When the patient cannot be told (blocked, withdrew, no record), the admins are told so at once and the
alert records why (`iop-bot doctor` names it). Each word is recorded on the alert, so a restart repeats none.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from telegram.error import Forbidden, TelegramError, TimedOut

from bot import texts
from bot.domain.alert_kinds import CRISIS_WORD_KINDS
from bot.domain.crisis_lines import abuse_lines_for, lines_for
from bot.domain.enrollment import invited
from bot.domain.escalation import Alert, Policy, past_last_round, recipients
from bot.domain.models import Patient
from bot.jobs.blocked import patient_blocked
from bot.jobs.reach import reachable_admins, undeliverable
from bot.jobs.sending import worth_retrying
from bot.store.storage import RecordsUnavailable
from bot.telegram import priority
from bot.telegram.clock import flagged
from bot.telegram.keyboards import retrying
from bot.telegram.services import App, Services

log = logging.getLogger(__name__)
# Alerts about a patient who may be in danger now and was told someone would know (not a withdrawn patient's
# or an invitation holder's: the bot may not write to them; not a relapse flag: not urgent).
DANGER = CRISIS_WORD_KINDS | frozenset(
    {
        "not_safe",
        "not_sure",
        "sos",
        "phq9",
        "phq9_words",
        "checkin",
    }
)
INVITED = invited("")  # what stands for someone who has not agreed (yet)
UNRECORDED = -1  # the round under which a word told but not recorded (full disk) is remembered in memory


def owes_word(alert: Alert, now: datetime, policy: Policy) -> bool:
    """Whether the patient of this alert is still to be told that nobody has answered."""
    # Crisis words before "I agree", once they agreed: theirs now, and they can be told (newcomer N22: Kim's
    # overdose ran out of rounds and Kim never heard; an invitee who never agreed still cannot be).
    enrolled_since = alert.kind.startswith("invitee_") and not alert.patient_id.startswith(INVITED)
    return (
        (alert.kind in DANGER or enrolled_since)
        and alert.patient_told_at is None
        and not alert.patient_untold
        and alert.patient_held_at is None
        and past_last_round(alert, now, policy)
        and _last_round_out(alert, now, policy)
    )


def _last_round_out(alert: Alert, now: datetime, policy: Policy) -> bool:
    """Whether everyone the last reminder is for has it (or cannot be reached): the patient hears "not answered"
    after their counselor and on-call are told it is the last (newcomer10 N2: a reminder that had reached
    them under ``repeat_every`` before waits, so the patient heard it a minute before them). A last reminder
    that cannot go out (an outage) holds the word back one ``repeat_every`` at most."""
    last_due = alert.created_at + policy.escalate_after + policy.repeat_every * (policy.max_rounds - 1)
    if now >= last_due + policy.repeat_every:
        return True
    gone = alert.unreachable_ids()
    return all(
        to in gone or any(d.to == to and d.round >= policy.max_rounds for d in alert.deliveries)
        for to in recipients(alert, policy.max_rounds, policy)
    )


async def tell_unanswered(
    app: App, alerts: list[Alert], policy: Policy, now: Callable[[Alert], datetime] | None = None
) -> None:
    """Tell the patient of every alert that ran out of reminders unacknowledged: once per patient, whose
    other open alerts then count as told too (a crisis and its "not safe" run out together). `now` is the alert
    sweep's on each alert's clock (bot/jobs/escalation_clock.py); the clock's when not given."""
    svc = app.bot_data.svc
    at = now or (lambda _: svc.now())
    owed: dict[str, list[Alert]] = {}
    for alert in alerts:
        if (
            owes_word(alert, at(alert), policy)
            and (alert.alert_id, UNRECORDED, 0) not in svc.state.sent_unrecorded
        ):
            owed.setdefault(alert.patient_id, []).append(alert)
    if owed and flagged(svc.api) is not None:
        # Ops O76: on a server clock 2 days fast every open alert "ran out" at once and 10 patients in crisis
        # were told nobody had answered. Never said on a clock this bot knows is wrong: once it agrees again.
        log.warning(
            "%d patient(s) not told nobody answered: this server's clock is off Telegram's", len(owed)
        )
        return
    for patient_id, theirs in owed.items():
        earlier = [a.patient_told_at for a in alerts if a.patient_id == patient_id and a.patient_told_at]
        # Told already, after these alerts began, and nobody has acknowledged since: still true, not said
        # twice. An alert raised after that word is told on its own (newcomer9 N11: its card said the patient
        # was told before it existed, and its own lines, such as the abuse line, never reached them).
        if earlier and max(earlier) >= min(a.created_at for a in theirs):
            await _record(svc, theirs, _told_at(max(earlier)))
            continue
        if (answer := await answered_beside(svc, patient_id, min(a.created_at for a in theirs))) is not None:
            log.info("alerts %s: another alert about patient %s (%s) was acknowledged since: not told 'not answered'",
                     ", ".join(a.alert_id for a in theirs), patient_id, answer.alert_id)  # fmt: skip
            await _record(svc, theirs, _held_at(at(theirs[0])))
            continue
        await _tell(app, svc, theirs)


async def answered_beside(svc: Services, patient_id: str, since: datetime) -> Alert | None:
    """Another urgent alert about this patient acknowledged ``since`` (these alerts were raised): someone has
    answered, so "your care team hasn't answered" would be untrue (newcomer14 N112: the overdose alert was
    acknowledged, the suicidal words' alert raised seconds before ran out of reminders). The counselors' rounds
    of the others go on; the alerts held back record when (their card, doctor and the audit log say so)."""
    try:
        rows = await svc.db(svc.repo.patient_alerts, patient_id)
    except RecordsUnavailable:  # a torn file: the word goes, as it did
        return None
    others = (Alert.from_dict(r) for r in rows)
    answered = [a for a in others if a.kind in DANGER and a.acked_at is not None and a.acked_at >= since]
    return min(answered, key=lambda a: a.acked_at or since) if answered else None


async def _tell(app: App, svc: Services, alerts: list[Alert]) -> None:
    first = alerts[0]
    patient = await svc.db(svc.repo.patient, first.patient_id)
    if patient is not None and priority.waiting(app, patient.telegram_id):
        # Ops O84: after an outage the patient read "your care team hasn't answered" before the crisis answer
        # ("I've let your counselor know"). Said after it has gone: the next sweep looks again.
        log.info(
            "alert %s: its patient not told 'not answered' while their crisis answer waits", first.alert_id
        )
        return
    why = _why_not(patient)
    if why is None and patient is not None:
        language = patient.language
        lines = lines_for(svc.settings, patient, language).lines
        if any(a.kind in ("abuse", "child_abuse") for a in alerts):
            lines = (*abuse_lines_for(svc.settings, patient, language), *lines)
        since = min(a.created_at for a in alerts)
        try:
            thread = await svc.db(svc.repo.messages, patient.patient_id)
        except RecordsUnavailable:
            # A torn file (its counselors are told): the word still goes, as if nobody had written.
            log.error("alert %s: patient %s's thread cannot be read; told as if nobody wrote", first.alert_id,
                      patient.patient_id)  # fmt: skip
            thread = []
        written = any(m.sender == "counselor" and m.at >= since for m in thread)
        misread = svc.state.misread_at.get(patient.patient_id)
        safe = svc.state.safe_at.get(patient.patient_id)
        text = texts.patient_not_answered_yet(
            language,
            lines,
            svc.settings.after_hours_phone,
            written=written,
            # "You misunderstood me" after every one of these alerts: no "go to the emergency room" (N65).
            misread=misread is not None and misread >= max(a.created_at for a in alerts),
            kinds={a.kind for a in alerts},
            # "I'm safe right now" after every one of them: no "go to the emergency room" (newcomer14 N115).
            safe=safe is not None and safe >= max(a.created_at for a in alerts),
        )
        try:
            await app.bot.send_message(patient.telegram_id, text)
        except TimedOut as exc:  # it may have arrived: never a second copy
            log.warning(
                "alert %s: the 'not answered yet' word to the patient timed out: %s", first.alert_id, exc
            )
        except TelegramError as exc:
            if worth_retrying(exc):
                log.warning("alert %s: the patient not told 'not answered yet' yet: %s", first.alert_id, exc)
                return  # the next sweep tries again
            why = undeliverable(exc) or f"could not be sent a message ({exc})"
            if isinstance(exc, Forbidden):
                await patient_blocked(app, patient)
    if why is not None:
        await _untold(app, svc, alerts, why)
        return
    at = svc.now()
    log.error(
        "alert %s unacknowledged past its last reminder: its patient was told their care team has not answered",
        ", ".join(a.alert_id for a in alerts),
    )
    await _record(svc, alerts, _told_at(at))


def _told_at(at: datetime) -> Callable[[Alert], Alert]:
    return lambda a: dataclasses.replace(a, patient_told_at=at)


def _held_at(at: datetime) -> Callable[[Alert], Alert]:
    return lambda a: dataclasses.replace(a, patient_held_at=at)


def _why_not(patient: Patient | None) -> str | None:
    if patient is None:
        return "have no record the bot can write to"
    if patient.status == "withdrawn":
        return "withdrew with /stop, so the bot may not write to them"
    return None


async def _untold(app: App, svc: Services, alerts: list[Alert], why: str) -> None:
    """Loud: the alert is past its last reminder and the patient cannot hear it either."""
    first = alerts[0]
    log.error("alert %s unacknowledged past its last reminder, and its patient cannot be told: they %s",
              first.alert_id, texts.of_them(why))  # fmt: skip
    await _record(svc, alerts, lambda a: dataclasses.replace(a, patient_untold=why))
    alias = await svc.db(svc.repo.alias_of, first.patient_id) or texts.A_PATIENT
    minutes = int((svc.now() - first.created_at).total_seconds() // 60)
    text = texts.unanswered_untold_admins(alias, texts.alert_what(first.kind), minutes, why)
    admins = await reachable_admins(svc)
    if not admins:
        log.error("alert %s: no reachable admin to tell that its patient cannot be told", first.alert_id)
    # Everyone its last reminder told "is being told now" hears it did not happen, the cover and on-call first
    # (newcomer20 N211: only the admin was corrected), then the admins.
    people = [d.to for a in alerts for d in a.deliveries] + [a.telegram_id for a in admins]
    for to in dict.fromkeys(people):
        try:
            await app.bot.send_message(to, text)
        except TelegramError as exc:
            log.error("alert %s: %s not told that its patient cannot be told: %s", first.alert_id, to, exc)


async def _record(svc: Services, alerts: list[Alert], change: Callable[[Alert], Alert]) -> None:
    for alert in alerts:
        try:
            await svc.db(svc.repo.change_alert, alert.alert_id, change)
        except OSError as exc:  # a full disk: remembered in memory, so the next sweep does not say it again
            svc.state.sent_unrecorded.add((alert.alert_id, UNRECORDED, 0))
            log.error("alert %s: the word to its patient could not be recorded (%s)", alert.alert_id, exc)


# Another of the patient's alerts acknowledged this recently already told them someone saw it (newcomer22 N239).
SEEN_BURST = timedelta(minutes=30)


async def _seen_already(svc: Services, alert: Alert) -> bool:
    """Whether the patient knows already: another alert they were told of was acknowledged within SEEN_BURST, or a
    counselor wrote to them since this alert (N239: three identical notices after Pat had reached her)."""
    now = svc.now()
    try:
        others = [Alert.from_dict(r) for r in await svc.db(svc.repo.patient_alerts, alert.patient_id)]
        thread = await svc.db(svc.repo.messages, alert.patient_id)
    except Exception:  # an unreadable file: better twice than never
        log.exception("alert %s: whether its patient knows it was seen is not known", alert.alert_id)
        return False
    if any(m.sender == "counselor" and m.at >= alert.created_at for m in thread):
        return True
    return any(
        a.alert_id != alert.alert_id and a.patient_told_at and a.acked_at and now - a.acked_at <= SEEN_BURST
        for a in others
    )


async def tell_seen(app: App, alert: Alert) -> None:
    """After an acknowledgement: a patient who was told nobody had answered hears that someone has seen it."""
    if alert.patient_told_at is None:
        return
    svc = app.bot_data.svc
    patient = await svc.db(svc.repo.patient, alert.patient_id)
    if patient is None or patient.status == "withdrawn" or await _seen_already(svc, alert):
        return
    # Once per word "not answered yet": the alerts it covered share its time (newcomer N21: five alerts of
    # one episode acknowledged one after another made five identical messages).
    try:
        if not await svc.db(
            svc.repo.mark_sent, patient.patient_id, f"seen:{alert.patient_told_at.isoformat()}"
        ):
            return
    except Exception:  # an unreadable file or a full disk: better twice than never
        log.exception("alert %s: whether its patient was told it was seen is not known", alert.alert_id)
    text = texts.patient_seen_now(patient.language)
    try:
        # Tried again (audit: one 500 left them believing nobody had seen it), then by the notices' sweep.
        await retrying(partial(app.bot.send_message, patient.telegram_id, text), f"alert {alert.alert_id}")
    except TelegramError as exc:
        log.error("alert %s: its patient not told it was acknowledged: %s", alert.alert_id, exc)
        if worth_retrying(exc):
            await svc.db(svc.repo.add_notice, patient.telegram_id, text, svc.now())
