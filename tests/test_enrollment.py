from datetime import UTC, datetime, time, timedelta

import pytest

from bot.enrollment import (
    CODE_LENGTH,
    AttemptLimiter,
    CodeProblem,
    code_problem,
    hash_code,
    new_code,
    normalize_code,
    parse_clock,
    validate_alias,
)
from bot.models import EnrollmentCode

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def invitation(**changes: object) -> EnrollmentCode:
    base = EnrollmentCode(
        code_hash=hash_code("ABCDEFGH"),
        alias="Alex",
        counselor_id=1,
        created_at=NOW - timedelta(days=1),
        expires_at=NOW + timedelta(days=6),
    )
    return EnrollmentCode(**{**base.__dict__, **changes})


def test_new_codes_are_typeable_and_normalise_to_themselves() -> None:
    code = new_code()
    assert len(code) == CODE_LENGTH
    assert normalize_code(code.lower()) == code
    assert normalize_code(f" {code[:4]}-{code[4:]} ") == code


@pytest.mark.parametrize("raw", ["", "hello there", "ABCDEFG", "ABCDEFGHJ", "ABCDEF0O", "/start"])
def test_text_that_cannot_be_a_code_is_not_one(raw: str) -> None:
    assert normalize_code(raw) is None


def test_only_a_hash_of_the_code_is_kept() -> None:
    assert hash_code("ABCDEFGH") != "ABCDEFGH"
    assert len(hash_code("ABCDEFGH")) == 64


def test_a_code_is_usable_until_it_expires_or_is_used() -> None:
    assert code_problem(invitation(), NOW) is None
    assert code_problem(None, NOW) is CodeProblem.UNKNOWN
    assert code_problem(invitation(expires_at=NOW), NOW) is CodeProblem.EXPIRED
    assert code_problem(invitation(used_at=NOW), NOW) is CodeProblem.USED


@pytest.mark.parametrize("alias", ["Alex", "J.D.", "pat_01", "Mary Ann", "x" * 32])
def test_reasonable_aliases_are_accepted(alias: str) -> None:
    assert validate_alias(alias) == alias


@pytest.mark.parametrize("alias", ["", "../etc", "a/b", "<b>x</b>", "x" * 33, "\u202eevil", " "])
def test_aliases_unsafe_to_render_or_use_in_paths_are_refused(alias: str) -> None:
    with pytest.raises(ValueError):
        validate_alias(alias)


@pytest.mark.parametrize(
    ("raw", "at"),
    [
        ("19:00", time(19)),
        ("7pm", time(19)),
        ("7:30 PM", time(19, 30)),
        ("0730", time(7, 30)),
        ("12am", time(0)),
    ],
)
def test_typed_times_are_understood(raw: str, at: time) -> None:
    assert parse_clock(raw) == at


@pytest.mark.parametrize("raw", ["25:00", "13pm", "noonish", "7:75", ""])
def test_impossible_times_are_not(raw: str) -> None:
    assert parse_clock(raw) is None


def test_five_wrong_codes_in_ten_minutes_ask_the_user_to_wait() -> None:
    limiter = AttemptLimiter(limit=5, window=timedelta(minutes=10))
    for i in range(5):
        assert not limiter.blocked(7, NOW + timedelta(minutes=i))
        limiter.record_failure(7, NOW + timedelta(minutes=i))
    assert limiter.blocked(7, NOW + timedelta(minutes=5))
    assert not limiter.blocked(8, NOW + timedelta(minutes=5))
    assert not limiter.blocked(7, NOW + timedelta(minutes=10, seconds=1))
