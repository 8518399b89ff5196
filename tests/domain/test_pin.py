"""The counselor PIN rules, with time passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config.settings import SettingsError, load_settings
from bot.domain import pin
from bot.domain.pin import Policy, UnlockState

NOW = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)
RULES = Policy(idle=timedelta(minutes=15), attempts=5, lockout=timedelta(minutes=15))
STORED = pin.hash_pin("246810")


def test_the_right_pin_unlocks_and_a_wrong_one_does_not() -> None:
    outcome, state = pin.check(UnlockState(), STORED, "246810", NOW, RULES)
    assert outcome == "ok" and pin.is_unlocked(state, NOW)
    outcome, state = pin.check(UnlockState(), STORED, "246811", NOW, RULES)
    assert outcome == "wrong" and not pin.is_unlocked(state, NOW) and state.failures == 1
    assert pin.tries_left(state, RULES) == 4


def test_a_pin_is_stored_salted_and_never_in_clear() -> None:
    again = pin.hash_pin("246810")
    assert again != STORED and "246810" not in STORED
    assert pin.matches("246810", again) and not pin.matches("", again)


@pytest.mark.parametrize("bad", ["", "12345", "1234567890123", "12ab56", "１２３４５６", " 123456 x"])
def test_a_pin_must_be_six_to_twelve_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="6 to 12 digits"):
        pin.hash_pin(bad)


def test_an_unlock_lapses_after_the_idle_minutes() -> None:
    _, state = pin.check(UnlockState(), STORED, "246810", NOW, RULES)
    assert pin.is_unlocked(state, NOW + timedelta(minutes=14, seconds=59))
    assert not pin.is_unlocked(state, NOW + timedelta(minutes=15))


def test_activity_pushes_the_idle_deadline_on() -> None:
    _, state = pin.check(UnlockState(), STORED, "246810", NOW, RULES)
    later = NOW + timedelta(minutes=10)
    state = pin.touch(state, later, RULES)
    assert pin.is_unlocked(state, later + timedelta(minutes=14))
    assert not pin.is_unlocked(state, later + timedelta(minutes=15))


def test_activity_within_a_minute_does_not_rewrite_the_state() -> None:
    _, state = pin.check(UnlockState(), STORED, "246810", NOW, RULES)
    assert pin.touch(state, NOW + timedelta(seconds=30), RULES) is state


def test_touching_a_lapsed_unlock_does_not_revive_it() -> None:
    _, state = pin.check(UnlockState(), STORED, "246810", NOW, RULES)
    late = NOW + timedelta(minutes=20)
    assert not pin.is_unlocked(pin.touch(state, late, RULES), late)


def _five_wrong() -> tuple[pin.Outcome, UnlockState]:
    outcome: pin.Outcome = "ok"
    state = UnlockState()
    for n in range(5):
        outcome, state = pin.check(state, STORED, f"00000{n}", NOW + timedelta(seconds=n), RULES)
    return outcome, state


def test_five_wrong_pins_lock_out_even_the_right_pin() -> None:
    outcome, state = _five_wrong()
    assert outcome == "locked" and pin.is_locked_out(state, NOW + timedelta(minutes=10))
    outcome, after = pin.check(state, STORED, "246810", NOW + timedelta(minutes=10), RULES)
    assert outcome == "locked" and after == state
    assert pin.minutes_left(state, NOW + timedelta(minutes=10)) == 6


def test_the_lockout_ends_and_the_count_starts_afresh() -> None:
    _, state = _five_wrong()
    later = NOW + timedelta(minutes=16)
    assert not pin.is_locked_out(state, later)
    outcome, state = pin.check(state, STORED, "999999", later, RULES)
    assert outcome == "wrong" and pin.tries_left(state, RULES) == 4
    outcome, state = pin.check(state, STORED, "246810", later, RULES)
    assert outcome == "ok" and state.failures == 0


def test_a_right_pin_resets_the_count_of_wrong_ones() -> None:
    state = UnlockState()
    for _ in range(4):
        _, state = pin.check(state, STORED, "000000", NOW, RULES)
    _, state = pin.check(state, STORED, "246810", NOW, RULES)
    assert state.failures == 0
    lapsed = NOW + timedelta(hours=1)
    outcome, state = pin.check(state, STORED, "000000", lapsed, RULES)
    assert outcome == "wrong" and pin.tries_left(state, RULES) == 4


def test_the_state_survives_a_round_trip_through_storage() -> None:
    _, locked = _five_wrong()
    _, unlocked = pin.check(UnlockState(), STORED, "246810", NOW, RULES)
    for state in (UnlockState(), locked, unlocked, UnlockState(failures=3)):
        assert UnlockState.from_dict(state.to_dict()) == state


def test_a_hash_that_is_not_ours_is_refused() -> None:
    for bad in ("", "md5$x", STORED.replace("scrypt", "bcrypt"), STORED + "$1"):
        with pytest.raises(ValueError):
            pin.parse_hash(bad)


def test_the_unlock_settings_are_read_and_checked(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[counselor]\nunlock_idle_minutes = 5\npin_attempts = 3\nrequire_pin = true\n")
    settings = load_settings({"IOP_CONFIG": str(config)})
    assert (settings.counselor_unlock_idle_minutes, settings.counselor_pin_attempts) == (5, 3)
    assert settings.counselor_require_pin and settings.counselor_lockout_minutes == 15
    for bad in (
        "unlock_idle_minutes = 0",
        "pin_attempts = true",
        "lockout_minutes = 99999",
        'require_pin = "yes"',
    ):
        config.write_text(f"[counselor]\n{bad}\n")
        with pytest.raises(SettingsError, match=f"counselor.{bad.split()[0]}"):
            load_settings({"IOP_CONFIG": str(config)})


@pytest.mark.parametrize(
    "typed", ["Reminder: group is in room 204.", "24681", "246 810", "1234567890123", ""]
)
def test_text_that_cannot_be_a_pin_counts_no_miss(typed: str) -> None:
    """newcomer12 N81: a sentence typed at the PIN prompt used a try."""
    state = UnlockState(failures=2)
    assert pin.check(state, STORED, typed, NOW, RULES) == ("not_a_pin", state)


@pytest.mark.parametrize(
    ("typed", "held"),
    [
        ("Group is in room 204.", False),
        ("bring your workbook", False),
        ("24681", True),
        ("my pin 2468", True),
    ],
)
def test_only_text_that_may_hold_a_pin_is_taken_out_of_the_chat(typed: str, held: bool) -> None:
    assert pin.may_hold_pin(typed) is held
