"""The patient's "your care team hasn't answered" comes after the last reminder reached everyone it is for
(newcomer10 N2, P3: the patient heard it at the same minute as the admin's last reminder, while their own
counselor and on-call got theirs a minute later, held back because a reminder had reached them under a
minute before)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.escalation import Policy, new_alert, with_delivery, with_unreachable
from bot.jobs.unanswered import owes_word

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
COUNSELOR, ONCALL, ADMIN = 5, 3, 9
POLICY = Policy(MIN, MIN, 3, oncall=(ONCALL,), admins=(ADMIN,))
LAST_DUE = NOW + 3 * MIN  # escalate after 1, then every 1: rounds at 1, 2, 3


def test_the_patient_is_told_only_once_the_last_reminder_reached_everyone() -> None:
    alert = new_alert("abuse", "p1", COUNSELOR, NOW)
    alert = with_delivery(alert, 3, ADMIN, 1, LAST_DUE)  # the admin's last reminder went first
    assert not owes_word(alert, LAST_DUE, POLICY)
    alert = with_delivery(alert, 3, ONCALL, 2, LAST_DUE + 50 * timedelta(seconds=1))
    assert not owes_word(alert, LAST_DUE + MIN / 2, POLICY)
    alert = with_delivery(alert, 3, COUNSELOR, 3, LAST_DUE + MIN / 2)
    assert owes_word(alert, LAST_DUE + MIN / 2, POLICY)


def test_someone_who_cannot_be_reached_does_not_hold_the_word_back() -> None:
    alert = new_alert("not_safe", "p1", COUNSELOR, NOW)
    alert = with_delivery(with_delivery(alert, 3, ADMIN, 1, LAST_DUE), 3, ONCALL, 2, LAST_DUE)
    alert = with_unreachable(alert, COUNSELOR, "blocked the bot")
    assert owes_word(alert, LAST_DUE, POLICY)


def test_a_last_reminder_that_cannot_go_out_holds_the_word_back_one_repeat_at_most() -> None:
    """An outage keeping the reminders from the staff must not keep the patient waiting for ever."""
    alert = new_alert("crisis", "p1", COUNSELOR, NOW)
    assert not owes_word(alert, LAST_DUE + MIN - timedelta(seconds=1), POLICY)
    assert owes_word(alert, LAST_DUE + MIN, POLICY)
