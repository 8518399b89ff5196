"""Urgent alerts: who is told, in which round, when; acknowledgement; who may read one (frozen time)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.escalation import (
    Alert,
    Policy,
    acknowledge,
    may_view,
    new_alert,
    on_call,
    past_last_round,
    pending,
    recipients,
    rounds_due,
    with_delivery,
    with_unreachable,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
COUNSELOR, ONCALL, OTHER_ONCALL, ADMIN, STRANGER = 5, 3, 4, 9, 77
# Escalates after 10 minutes, then every 20, three rounds after the first at most.
POLICY = Policy(
    timedelta(minutes=10), timedelta(minutes=20), 3, oncall=(ONCALL, OTHER_ONCALL), admins=(ADMIN,)
)


def crisis() -> Alert:
    return new_alert("crisis", "p1", COUNSELOR, NOW, text="words")


def delivered_all(alert: Alert, at: datetime) -> Alert:
    """The alert after everything due at ``at`` went out."""
    for round_, to in pending(alert, at, POLICY):
        alert = with_delivery(alert, round_, to, 100 + to, at)
    return alert


@pytest.mark.parametrize(
    ("after", "due"),
    [
        (timedelta(0), [0]),
        (10 * MIN - timedelta(seconds=1), [0]),
        (10 * MIN, [0, 1]),
        (29 * MIN, [0, 1]),
        (30 * MIN, [0, 1, 2]),
        (50 * MIN, [0, 1, 2, 3]),
        (timedelta(days=3), [0, 1, 2, 3]),  # max_rounds: then it stays open, never spammed
    ],
)
def test_rounds_come_due_on_the_policys_clock(after: timedelta, due: list[int]) -> None:
    assert rounds_due(crisis(), NOW + after, POLICY) == due


def test_the_counselor_alone_first_then_on_call_too_each_once() -> None:
    alert = crisis()
    assert recipients(alert, 0, POLICY) == [COUNSELOR]
    assert recipients(alert, 1, POLICY) == [COUNSELOR, ONCALL, OTHER_ONCALL]
    assert recipients(alert, 2, POLICY) == [COUNSELOR, ONCALL, OTHER_ONCALL]
    on_call_themselves = replace(alert, counselor_id=ONCALL)
    assert recipients(on_call_themselves, 2, POLICY) == [ONCALL, OTHER_ONCALL]  # never told twice a round


def test_an_alert_nobody_acknowledges_climbs_round_by_round() -> None:
    alert = crisis()
    assert pending(alert, NOW, POLICY) == [(0, COUNSELOR)]
    alert = delivered_all(alert, NOW)
    assert pending(alert, NOW + 9 * MIN, POLICY) == []  # the counselor has it; nothing else is due yet
    assert pending(alert, NOW + 10 * MIN, POLICY) == [(1, COUNSELOR), (1, ONCALL), (1, OTHER_ONCALL)]
    alert = delivered_all(alert, NOW + 10 * MIN)
    assert pending(alert, NOW + 29 * MIN, POLICY) == []
    assert pending(alert, NOW + 30 * MIN, POLICY) == [(2, COUNSELOR), (2, ONCALL), (2, OTHER_ONCALL)]
    alert = delivered_all(alert, NOW + 30 * MIN)
    alert = delivered_all(alert, NOW + 50 * MIN)
    assert pending(alert, NOW + timedelta(days=1), POLICY) == []  # after the last round: no more messages
    assert {d.round for d in alert.deliveries} == {0, 1, 2, 3}


def test_after_a_long_outage_only_the_latest_round_goes_out() -> None:
    # The bot was down for 40 minutes: one message each for round 2, not rounds 0, 1 and 2 in a burst.
    assert pending(crisis(), NOW + 40 * MIN, POLICY) == [(2, COUNSELOR), (2, ONCALL), (2, OTHER_ONCALL)]


def test_a_failed_send_is_pending_again_and_a_sent_one_is_not() -> None:
    alert = with_delivery(crisis(), 1, ONCALL, 42, NOW + 10 * MIN)  # only on-call's went out
    assert pending(alert, NOW + 11 * MIN, POLICY) == [(1, COUNSELOR), (1, OTHER_ONCALL)]


def test_acknowledged_means_no_more_rounds_and_the_first_acknowledgement_wins() -> None:
    alert = delivered_all(delivered_all(crisis(), NOW), NOW + 10 * MIN)
    acked = acknowledge(alert, ONCALL, NOW + 12 * MIN)
    assert not acked.open and (acked.acked_by, acked.acked_at) == (ONCALL, NOW + 12 * MIN)
    assert rounds_due(acked, NOW + timedelta(days=1), POLICY) == []
    assert pending(acked, NOW + timedelta(days=1), POLICY) == []
    assert acknowledge(acked, COUNSELOR, NOW + 13 * MIN) == acked


def test_what_is_not_urgent_goes_to_the_counselor_once_and_never_escalates() -> None:
    relapse = new_alert("relapse", "p1", COUNSELOR, NOW)
    assert not relapse.urgent
    assert rounds_due(relapse, NOW + timedelta(days=1), POLICY) == [0]
    sent = delivered_all(relapse, NOW)
    assert pending(sent, NOW + timedelta(days=1), POLICY) == []


def test_every_kind_but_relapse_is_urgent_and_ids_are_opaque() -> None:
    for kind in ("crisis", "not_safe", "sos", "phq9", "checkin", "withdrawn_crisis"):
        assert new_alert(kind, "p1", COUNSELOR, NOW).urgent, kind
    ids = {new_alert("crisis", "p1", COUNSELOR, NOW).alert_id for _ in range(50)}
    assert len(ids) == 50 and not any("p1" in i for i in ids)  # callback data never names the patient


def test_an_unreachable_counselor_brings_everyone_in_at_round_zero() -> None:
    alert = with_unreachable(crisis(), COUNSELOR, "blocked")
    assert pending(alert, NOW, POLICY) == [(0, COUNSELOR), (0, ONCALL), (0, OTHER_ONCALL), (0, ADMIN)]


def test_the_text_is_for_the_counselor_the_alerted_on_call_and_admins_only() -> None:
    alert = delivered_all(delivered_all(crisis(), NOW), NOW + 10 * MIN)
    assert may_view(alert, COUNSELOR)
    assert may_view(alert, ONCALL) and may_view(alert, OTHER_ONCALL)  # they were alerted in round 1
    assert may_view(alert, ADMIN, admins=(ADMIN,))
    assert not may_view(alert, STRANGER, admins=(ADMIN,))
    assert not may_view(crisis(), ONCALL)  # on call, but not (yet) alerted about this one


def test_an_alert_survives_the_store_whole() -> None:
    alert = with_unreachable(delivered_all(crisis(), NOW), ONCALL, "not started")
    alert = acknowledge(with_delivery(alert, 1, OTHER_ONCALL, 7, NOW + 10 * MIN), COUNSELOR, NOW + 11 * MIN)
    assert Alert.from_dict(alert.to_dict()) == alert
    fresh = crisis()
    assert Alert.from_dict(fresh.to_dict()) == fresh


def test_an_unreachable_counselors_non_urgent_flag_goes_to_the_admins_not_on_call() -> None:
    relapse = with_unreachable(new_alert("relapse", "p1", COUNSELOR, NOW), COUNSELOR, "blocked")
    assert pending(relapse, NOW + timedelta(hours=1), POLICY) == [(0, COUNSELOR), (0, ADMIN)]


def test_the_last_reminder_also_goes_to_the_admins_and_then_the_alert_is_past_its_last_round() -> None:
    alert = crisis()
    last = NOW + timedelta(minutes=10) + timedelta(minutes=20) * 2  # round 3 of 3
    assert ADMIN not in recipients(alert, 2, POLICY)
    assert recipients(alert, 3, POLICY) == [COUNSELOR, ONCALL, OTHER_ONCALL, ADMIN]
    assert not past_last_round(alert, last - MIN, POLICY)
    assert past_last_round(alert, last, POLICY)
    assert not past_last_round(acknowledge(alert, COUNSELOR, last), last + MIN, POLICY)
    relapse = new_alert("relapse", "p1", COUNSELOR, NOW)
    assert not past_last_round(relapse, NOW + timedelta(days=1), POLICY)  # not urgent: never escalates


def test_a_round_caught_up_late_is_not_followed_by_the_next_within_the_repeat_interval() -> None:
    """Newcomer finding 16: round 1 sent late (28 min, after a restart) and round 2 due at 30 min would reach
    the same people two minutes apart; the next reminder waits a whole interval after the one they had."""
    alert = crisis()
    late = NOW + 28 * MIN
    for round_, to in pending(alert, late, POLICY):
        alert = with_delivery(alert, round_, to, 100 + to, late, grouped=round_ > 0)
    assert pending(alert, NOW + 30 * MIN, POLICY) == []
    assert pending(alert, late + POLICY.repeat_every, POLICY) == [
        (2, COUNSELOR),
        (2, ONCALL),
        (2, OTHER_ONCALL),
    ]
    assert Alert.from_dict(alert.to_dict()) == alert  # "grouped" survives the store


def test_a_removed_counselor_gets_nothing_and_the_admins_stand_in_when_nobody_is_left_on_call() -> None:
    assert on_call((ONCALL, OTHER_ONCALL), frozenset({ONCALL}), (ADMIN,)) == (OTHER_ONCALL,)
    assert on_call((ONCALL,), frozenset({ONCALL}), (ADMIN,)) == (ADMIN,)
    assert on_call((), frozenset(), (ADMIN,)) == ()  # never configured: doctor and the start-up notice say so
    alert = new_alert("crisis", "p1", COUNSELOR, NOW)
    gone = replace(POLICY, gone=frozenset({ONCALL}))
    assert ONCALL not in recipients(alert, 1, gone)
    # The patient's own counselor removed (an alert raised before they were moved): the team hears at once.
    moved = replace(POLICY, gone=frozenset({COUNSELOR}))
    assert recipients(alert, 0, moved) == [ONCALL, OTHER_ONCALL, ADMIN]


def test_when_on_call_is_only_the_patients_own_counselor_the_admins_are_in_the_first_escalation() -> None:
    """newcomer8 N17: rounds 1 and 2 went back to the same counselor; the admin heard at the last round."""
    alone = replace(POLICY, oncall=(COUNSELOR,))
    alert = crisis()
    assert recipients(alert, 0, alone) == [COUNSELOR]
    assert recipients(alert, 1, alone) == [COUNSELOR, ADMIN]
    assert recipients(replace(alert, counselor_id=ONCALL), 1, alone) == [
        ONCALL,
        COUNSELOR,
    ]  # someone else on call
    flag = replace(alert, urgent=False)
    assert recipients(flag, 1, alone) == [COUNSELOR]  # a flag that can wait: on-call rules unchanged
