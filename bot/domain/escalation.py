"""Urgent counselor alerts and their escalation: who must be told what, and when (no I/O).

An alert is created once (crisis language, an SOS, a positive PHQ-9 item 9) and lives in a
persisted outbox until a counselor acknowledges it. Round 0 goes to the patient's counselor at
once; if nobody acknowledges, round 1 goes to the on-call counselors after ``escalate_after``,
and further rounds re-alert everyone every ``repeat_every``, up to ``max_rounds``; the last round
also goes to the admins and says it is the last (after it the alert stays open on the patient's page,
and `iop-bot doctor` fails until someone acknowledges it).
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.domain.alert_kinds import AlertKind as AlertKind  # the kinds have their own module


@dataclasses.dataclass(frozen=True)
class Policy:
    """How alerts escalate; from the [alerts] settings."""

    escalate_after: timedelta = timedelta(minutes=15)
    repeat_every: timedelta = timedelta(minutes=15)
    max_rounds: int = 3
    oncall: tuple[int, ...] = ()
    admins: tuple[int, ...] = ()  # told at once, with on-call, when the counselor cannot be reached
    gone: frozenset[int] = frozenset()  # counselors removed since: nothing more reaches them
    staff: frozenset[int] | None = None  # the registered counselors, when known: nobody else gets an alert


@dataclasses.dataclass(frozen=True)
class Delivery:
    """One alert message sent to one counselor in one round."""

    round: int
    to: int
    message_id: int
    at: datetime
    # In a reminder listing every open alert of its recipient (bot/jobs/alert_groups.py).
    grouped: bool = False
    # Asked for by the person from a patient's page or a reminder's button: their view, not a round the bot sent
    # (newcomer12 N86: the audit log read the tap as an escalation).
    opened: bool = False


@dataclasses.dataclass(frozen=True)
class Alert:
    """An urgent alert, open until acknowledged; ``text`` is shown only on request (audit-logged)."""

    alert_id: str
    kind: AlertKind
    patient_id: str
    counselor_id: int
    created_at: datetime
    text: str = ""
    urgent: bool = True
    acked_at: datetime | None = None
    acked_by: int | None = None
    deliveries: tuple[Delivery, ...] = ()
    unreachable: tuple[tuple[int, str], ...] = ()  # (person, why) Telegram refused for good
    words_erased: bool = False  # it had words, and the patient erased them (/delete, retention)
    # The bot's own answer to the patient (crisis lines, "Are you safe?") has not reached them yet: the card
    # says so, so whoever reads it knows the patient may have nothing in hand (cleared when a retry gets through).
    reply_unsent: bool = False
    # Who had the patient's earlier alert in hand (it reached them, or they acknowledged it) when this one was
    # raised: told at once too (newcomer finding 10-20: "i swallowed all the pills" reached only the counselor
    # while the on-call colleague who had just said "I'm on it" heard nothing).
    also: tuple[int, ...] = ()
    # When the patient wrote the words (Telegram's date of their message); the card says so when the bot
    # read them well after, e.g. after being down overnight (newcomer6 finding 7): never "just now" for old words.
    written_at: datetime | None = None
    # Past its last round unacknowledged, the patient was told their care team has not answered yet, with the
    # lines again (newcomer6 finding 32); or why they could not be (``patient_untold``, e.g. "blocked the bot").
    patient_told_at: datetime | None = None
    patient_untold: str = ""
    # When that word was held back, as another alert about them was acknowledged since (newcomer14 N112).
    patient_held_at: datetime | None = None
    # A "not safe" said again while this one was open and still escalating: folded in, not an alert of its
    # own (newcomer6 finding 22: three identical alerts in a minute, nine cards a person); when, each time.
    again: tuple[datetime, ...] = ()
    # Seconds this server's clock was ahead of Telegram's (negative: behind) when it was raised, where beyond the
    # clock check's limit: its times are on that clock until put right (bot/domain/alert_clock.py, ops O69).
    clock_ahead: float = 0.0
    # One line the acknowledger added on what was done ("called, safe at her sister's"; newcomer16 N139).
    ack_note: str = ""

    @property
    def open(self) -> bool:
        return self.acked_at is None

    def unreachable_ids(self) -> set[int]:
        return {who for who, _ in self.unreachable}

    def delivered(self, round_: int, to: int) -> bool:
        return any(d.round == round_ and d.to == to for d in self.deliveries)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["created_at"] = self.created_at.isoformat()
        d["acked_at"] = self.acked_at.isoformat() if self.acked_at else None
        d["written_at"] = self.written_at.isoformat() if self.written_at else None
        d["patient_told_at"] = self.patient_told_at.isoformat() if self.patient_told_at else None
        d["patient_held_at"] = self.patient_held_at.isoformat() if self.patient_held_at else None
        d["deliveries"] = [{**dataclasses.asdict(x), "at": x.at.isoformat()} for x in self.deliveries]
        d["unreachable"] = [list(x) for x in self.unreachable]
        d["again"] = [x.isoformat() for x in self.again]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Alert:
        deliveries = tuple(
            Delivery(
                int(x["round"]),
                int(x["to"]),
                int(x["message_id"]),
                datetime.fromisoformat(x["at"]),
                bool(x.get("grouped", False)),
                bool(x.get("opened", False)),
            )
            for x in d.get("deliveries", [])
        )
        acked, written, told = d.get("acked_at"), d.get("written_at"), d.get("patient_told_at")
        return cls(
            alert_id=str(d["alert_id"]),
            kind=d["kind"],
            patient_id=str(d["patient_id"]),
            counselor_id=int(d["counselor_id"]),
            created_at=datetime.fromisoformat(d["created_at"]),
            text=str(d.get("text", "")),
            urgent=bool(d.get("urgent", True)),
            acked_at=datetime.fromisoformat(acked) if acked else None,
            acked_by=d.get("acked_by"),
            deliveries=deliveries,
            unreachable=tuple((int(p), str(why)) for p, why in d.get("unreachable", [])),
            words_erased=bool(d.get("words_erased", False)),
            reply_unsent=bool(d.get("reply_unsent", False)),
            also=tuple(int(x) for x in d.get("also", [])),
            written_at=datetime.fromisoformat(written) if written else None,
            patient_told_at=datetime.fromisoformat(told) if told else None,
            patient_untold=str(d.get("patient_untold", "")),
            patient_held_at=datetime.fromisoformat(d["patient_held_at"])
            if d.get("patient_held_at")
            else None,
            again=tuple(datetime.fromisoformat(x) for x in d.get("again", [])),
            clock_ahead=float(d.get("clock_ahead", 0.0)),
            ack_note=str(d.get("ack_note", "")),
        )


def new_alert(
    kind: AlertKind,
    patient_id: str,
    counselor_id: int,
    now: datetime,
    text: str = "",
    *,
    reply_unsent: bool = False,
    also: tuple[int, ...] = (),
    written_at: datetime | None = None,
    clock_ahead: float = 0.0,
) -> Alert:
    """A fresh alert with an opaque id (callback data carries only this id)."""
    urgent = kind != "relapse"
    return Alert(
        secrets.token_hex(6),
        kind,
        patient_id,
        counselor_id,
        now,
        text,
        urgent,
        reply_unsent=reply_unsent,
        also=tuple(who for who in also if who != counselor_id) if urgent else (),
        written_at=written_at,
        clock_ahead=clock_ahead,
    )


def rounds_due(alert: Alert, now: datetime, policy: Policy) -> list[int]:
    """Rounds whose time has come (round 0 at creation), oldest first; none once acknowledged."""
    if not alert.open:
        return []
    due = [0]
    if alert.urgent:
        at = alert.created_at + policy.escalate_after
        for round_ in range(1, policy.max_rounds + 1):
            if now < at:
                break
            due.append(round_)
            at += policy.repeat_every
    return due


def recipients(alert: Alert, round_: int, policy: Policy) -> list[int]:
    """Who a round goes to: the counselor first, then on-call too (never anyone twice).

    Once a recipient turns out unreachable, on-call and the admins are in every round at once:
    waiting for escalation would leave the alert with nobody.
    """
    people = [alert.counselor_id, *alert.also]
    if round_ > 0:
        people += policy.oncall
        # newcomer8 N17: when on-call is only the patient's own counselor, a round to "on-call" reaches nobody
        # new until the last one: the admins are the second pair of eyes from the first escalation.
        if alert.urgent and all(who in people[: 1 + len(alert.also)] for who in policy.oncall):
            people += policy.admins
    if alert.urgent and round_ >= policy.max_rounds:
        people += policy.admins  # the last reminder: after it the bot stops, so the admins must know

    # Whatever the alert kept, only registered counselors (a patient's id was on call once: ops O45 addendum).
    every = {*people, *policy.oncall, *policy.admins}
    out = policy.gone if policy.staff is None else policy.gone | (every - policy.staff)
    if any(who in people for who in alert.unreachable_ids()) or alert.counselor_id in out:
        # A non-urgent flag (relapse) goes to the admins only: on-call is for what cannot wait.
        people += [*policy.oncall, *policy.admins] if alert.urgent else [*policy.admins]
    return [who for who in dict.fromkeys(people) if who not in out]


def on_call(configured: Sequence[int], gone: frozenset[int], admins: Sequence[int]) -> tuple[int, ...]:
    """Who is on call now: the settings' list less the counselors removed since (the running bot keeps its
    settings, newcomer finding 9-6). When removals left nobody of a list that named someone, the admins
    stand in: an escalation must reach someone who is still staff (they are told so, bot/jobs/roster.py)."""
    left = tuple(who for who in configured if who not in gone)
    if configured and not left:
        return tuple(who for who in admins if who not in gone)
    return left


def past_last_round(alert: Alert, now: datetime, policy: Policy) -> bool:
    """Whether an urgent alert is still open after its last reminder was due: nothing more will be sent."""
    last_due = alert.created_at + policy.escalate_after + policy.repeat_every * (policy.max_rounds - 1)
    return alert.open and alert.urgent and now >= last_due


def pending(alert: Alert, now: datetime, policy: Policy) -> list[tuple[int, int]]:
    """(round, counselor) pairs due now and not yet delivered; only the latest due round counts, and a
    reminder waits while its recipient had this alert in a reminder less than ``repeat_every`` ago (a round
    caught up late, after a restart or a changed policy, is not followed by the next one a minute later)."""
    due = rounds_due(alert, now, policy)
    if not due:
        return []
    latest = due[-1]
    return [
        (latest, to)
        for to in recipients(alert, latest, policy)
        if not alert.delivered(latest, to) and not (latest > 0 and reminded(alert, to, now, policy))
    ]


def reminded(alert: Alert, to: int, now: datetime, policy: Policy) -> bool:
    """Whether ``to`` had this alert in a reminder less than ``repeat_every`` ago."""
    return any(d.grouped and d.to == to and now - d.at < policy.repeat_every for d in alert.deliveries)


def with_delivery(
    alert: Alert,
    round_: int,
    to: int,
    message_id: int,
    now: datetime,
    *,
    grouped: bool = False,
    opened: bool = False,
) -> Alert:
    """The alert after one more delivery (``opened``: the person asked for it, see Delivery)."""
    delivery = Delivery(round_, to, message_id, now, grouped, opened)
    return dataclasses.replace(alert, deliveries=(*alert.deliveries, delivery))


def with_unreachable(alert: Alert, to: int, why: str) -> Alert:
    """The alert after Telegram refused ``to`` for good (kept once per person)."""
    if to in alert.unreachable_ids():
        return alert
    return dataclasses.replace(alert, unreachable=(*alert.unreachable, (to, why)))


def acknowledge(alert: Alert, by: int, now: datetime) -> Alert:
    """The alert closed by ``by`` (the first acknowledgement wins)."""
    if not alert.open:
        return alert
    return dataclasses.replace(alert, acked_at=now, acked_by=by)


def may_view(alert: Alert, counselor_id: int, admins: Sequence[int] = ()) -> bool:
    """Only the patient's counselor, on-call counselors who were alerted, and admins see it."""
    return (
        counselor_id == alert.counselor_id
        or counselor_id in admins
        or any(d.to == counselor_id for d in alert.deliveries)
    )
