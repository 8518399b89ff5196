"""Which open "not safe" alert a new "not safe" joins (newcomer6 finding 22)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.alert_fold import crisis_folds_into, folds_into, with_again
from bot.domain.escalation import Alert, Policy, acknowledge, new_alert, with_delivery

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
RULES = Policy(escalate_after=timedelta(minutes=15), repeat_every=timedelta(minutes=15), max_rounds=3)


def _alert(kind: str = "not_safe", minutes_ago: int = 1, patient: str = "p1") -> Alert:
    return new_alert(kind, patient, 1001, NOW - timedelta(minutes=minutes_ago))  # type: ignore[arg-type]


def test_only_an_open_escalating_not_safe_of_the_same_patient_is_joined() -> None:
    joined = _alert()
    assert folds_into([joined, _alert("crisis"), _alert(patient="p2")], "p1", NOW, RULES) == joined
    assert folds_into([acknowledge(joined, 1001, NOW)], "p1", NOW, RULES) is None
    assert folds_into([_alert(minutes_ago=45)], "p1", NOW, RULES) is None  # past its last round: a new one
    assert folds_into([_alert(minutes_ago=44)], "p1", NOW, RULES) is not None


def test_said_again_survives_the_store() -> None:
    again = with_again(with_again(_alert(), NOW), NOW + timedelta(seconds=20))
    assert Alert.from_dict(again.to_dict()).again == (NOW, NOW + timedelta(seconds=20))
    assert Alert.from_dict({k: v for k, v in _alert().to_dict().items() if k != "again"}).again == ()


def test_not_sure_and_not_safe_are_one_event() -> None:
    """gaps11 #1: "idk" then "no" to the same question, or the other way, is one alert said again."""
    unsure = _alert("not_sure")
    assert folds_into([unsure], "p1", NOW, RULES) == unsure


def test_crisis_words_join_only_an_open_escalating_alert_of_their_kind() -> None:
    """newcomer9 N40: the same kind joins; another kind is a new event; the learned layer's unclear crisis
    names no kind, so any open crisis-words alert covers it; never a "not safe" or a check-in alert."""
    crisis = _alert("crisis")
    assert crisis_folds_into([crisis], "p1", ["crisis"], NOW, RULES) == crisis
    assert crisis_folds_into([crisis], "p1", ["overdose"], NOW, RULES) is None
    assert crisis_folds_into([crisis], "p1", ["crisis", "overdose"], NOW, RULES) is None
    assert crisis_folds_into([crisis], "p1", ["crisis_unclear"], NOW, RULES) == crisis
    assert crisis_folds_into([_alert("crisis_unclear")], "p1", ["crisis"], NOW, RULES) is None
    assert (
        crisis_folds_into([_alert("not_safe"), _alert("checkin")], "p1", ["crisis_unclear"], NOW, RULES)
        is None
    )
    assert crisis_folds_into([acknowledge(crisis, 1001, NOW)], "p1", ["crisis"], NOW, RULES) is None
    assert crisis_folds_into([_alert("crisis", minutes_ago=45)], "p1", ["crisis"], NOW, RULES) is None
    assert crisis_folds_into([crisis], "p2", ["crisis"], NOW, RULES) is None


def test_words_said_again_after_the_last_reminder_was_sent_are_a_new_alert() -> None:
    """newcomer13 O55: an alert whose rounds ran out under a shorter escalation setting still had time left by
    the longer one the bot restarted with; crisis words said again joined it, and nothing more was ever sent."""
    spent = with_delivery(_alert("crisis", minutes_ago=10), RULES.max_rounds, 1001, 7, NOW)
    assert crisis_folds_into([spent], "p1", ["crisis"], NOW, RULES) is None
    assert folds_into([with_delivery(_alert(), RULES.max_rounds, 1001, 8, NOW)], "p1", NOW, RULES) is None
    reminded = with_delivery(_alert("crisis", minutes_ago=10), 1, 1001, 9, NOW)
    assert crisis_folds_into([reminded], "p1", ["crisis"], NOW, RULES) == reminded  # rounds still to come
