"""Reachability rules: which refusals are for good, and who an alert goes to once one happens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.admin.invitations import _describe as describe
from bot.domain.escalation import (
    Alert,
    Policy,
    new_alert,
    pending,
    recipients,
    with_delivery,
    with_unreachable,
)
from bot.domain.reach import (
    BLOCKED,
    NOT_STARTED,
    Reach,
    is_invite_code,
    new_invite_code,
)
from bot.jobs.reach import undeliverable

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
POLICY = Policy(oncall=(3,), admins=(9, 3))


def test_only_refusals_for_good_make_someone_unreachable() -> None:
    assert undeliverable(Forbidden("Forbidden: bot can't initiate conversation with a user")) == NOT_STARTED
    assert undeliverable(Forbidden("Forbidden: bot was blocked by the user")) == BLOCKED
    assert undeliverable(BadRequest("Bad Request: chat not found")) == NOT_STARTED
    for passing in (
        RetryAfter(1),
        NetworkError("Bad Gateway"),
        TimedOut(),
        BadRequest("message is too long"),
    ):
        assert undeliverable(passing) is None


def _alert() -> Alert:
    return new_alert("crisis", "p1", 5, NOW)


def test_an_unreachable_counselor_brings_in_on_call_and_admins_in_the_same_round() -> None:
    alert = _alert()
    assert recipients(alert, 0, POLICY) == [5]
    rerouted = with_unreachable(alert, 5, NOT_STARTED)
    assert recipients(rerouted, 0, POLICY) == [5, 3, 9]  # still 5: they get it once they start the bot
    assert pending(rerouted, NOW, POLICY) == [(0, 5), (0, 3), (0, 9)]
    delivered = with_delivery(with_delivery(rerouted, 0, 3, 11, NOW), 0, 9, 12, NOW)
    assert pending(delivered, NOW + timedelta(minutes=1), POLICY) == [(0, 5)]
    assert with_unreachable(rerouted, 5, BLOCKED) == rerouted  # the first reason is kept


def test_a_non_urgent_flag_is_rerouted_to_the_admins_only() -> None:
    relapse = with_unreachable(new_alert("relapse", "p1", 5, NOW), 5, BLOCKED)
    assert recipients(relapse, 0, POLICY) == [5, 9, 3]  # 3 is on call but also an admin here
    assert recipients(relapse, 0, Policy(oncall=(3,), admins=(9,))) == [5, 9]


def test_unreachable_survives_the_store() -> None:
    alert = with_unreachable(_alert(), 5, NOT_STARTED)
    assert Alert.from_dict(alert.to_dict()) == alert
    assert (
        Alert.from_dict({k: v for k, v in _alert().to_dict().items() if k != "unreachable"}).unreachable == ()
    )


def test_invitation_codes_never_look_like_patient_codes() -> None:
    code = new_invite_code()
    assert is_invite_code(code) and len(code) == 12
    assert not is_invite_code("ABCDEFGH") and not is_invite_code(code.lower())


def test_counselor_list_wording() -> None:
    assert describe(Reach(), UTC) == "pending (has not started the bot)"
    assert describe(Reach("reachable", NOW), UTC) == "reachable"
    assert describe(Reach("unreachable", NOW, BLOCKED), UTC) == (
        "unreachable since Mon 30 Nov 12:00 PM UTC (has blocked the bot)"
    )
