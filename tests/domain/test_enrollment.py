from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.domain.enrollment import (
    CODE_LENGTH,
    CodeProblem,
    code_problem,
    hash_code,
    new_code,
    normalize_code,
    parse_clock,
    validate_alias,
)
from bot.domain.models import EnrollmentCode
from bot.store.repository import Repository

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


@pytest.mark.parametrize(
    "alias", ["Alex", "J.D.", "pat_01", "Mary Ann", "x" * 32, "José", "María Fernanda", "Ñoño", "J. Pérez"]
)
def test_reasonable_aliases_are_accepted(alias: str) -> None:
    assert validate_alias(alias) == alias


@pytest.mark.parametrize(
    "alias",
    ["", "../etc", "a/b", "<b>x</b>", "x" * 33, "\u202eevil", " ", "_x", "Al\u200bex", "a\nb", "Ana\u202e"],
)
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


@pytest.mark.parametrize(
    "raw", ["25:00", "13pm", "noonish", "7:75", "", "19 in the evening", "in the evening"]
)
def test_impossible_times_are_not(raw: str) -> None:
    assert parse_clock(raw) is None


def test_five_wrong_codes_in_ten_minutes_ask_the_user_to_wait_even_after_a_restart(tmp_path: Path) -> None:
    window = timedelta(minutes=10)
    repo = Repository(tmp_path)
    repo.add_code(invitation())
    for i in range(5):
        assert (
            repo.check_code(7, hash_code("ZZZZZZZZ"), NOW + timedelta(minutes=i), 5, window)
            is CodeProblem.UNKNOWN
        )
    repo.close()
    repo = Repository(tmp_path)  # the count is on disk, not in one process's memory
    right = hash_code("ABCDEFGH")
    assert repo.check_code(7, right, NOW + timedelta(minutes=5), 5, window) is CodeProblem.BLOCKED
    assert repo.enroll_with_code(7, right, NOW + timedelta(minutes=5), 5, window) is CodeProblem.BLOCKED
    assert repo.check_code(8, right, NOW + timedelta(minutes=5), 5, window) is None  # per Telegram user
    later = NOW + timedelta(minutes=10, seconds=1)
    assert repo.check_code(7, right, later, 5, window) is None  # the first try left the window
    patient = repo.enroll_with_code(7, right, later, 5, window)
    assert not isinstance(patient, CodeProblem) and patient.telegram_id == 7
    assert repo.enroll_with_code(8, right, later, 5, window) is CodeProblem.USED  # one person per code


@pytest.mark.parametrize(
    ("typed", "at"),
    [
        ("a las 7 de la tarde", time(19)),
        ("8 y media de la mañana", time(8, 30)),
        ("a las 10 de la noche", time(22)),
        ("19 hrs", time(19)),
        ("at 7pm", time(19)),
        # newcomer9 N16
        ("noon", time(12)),
        ("Noon.", time(12)),
        ("al mediodía", time(12)),
        ("midnight", time(0)),
        # newcomer9 N47
        ("7 in the evening", time(19)),
        ("7:30 in the evening", time(19, 30)),
        ("at 8 in the morning", time(8)),
        ("3 in the afternoon", time(15)),
        ("7 o'clock in the evening", time(19)),
        ("7 o’clock", time(7)),
        ("9 at night", time(21)),
        ("9 tonight", time(21)),
        ("7 this evening", time(19)),
        ("12 at night", time(0)),
        ("a las 12 de la noche", time(0)),
        ("1 at night", time(1)),
    ],
)
def test_a_time_said_in_words_in_either_language_is_read(typed: str, at: time) -> None:
    assert parse_clock(typed) == at


def test_an_accented_alias_is_found_typed_without_its_accents_and_exported_under_its_letters() -> None:
    """newcomer6 finding 33: `/export Begona` found nobody, and Begoña's export was named Bego_a-checkins.csv."""
    from bot.domain.enrollment import alias_match
    from bot.reports.export import export_name

    assert alias_match(["Begoña", "Jess"], "begona") == "Begoña"
    assert alias_match(["Begoña", "Jess"], "BEGOÑA") == "Begoña"
    assert alias_match(["José", "Jose"], "jose") == "Jose"  # the exact letters first
    assert alias_match(["José", "Jóse"], "jose") is None  # two read so: none guessed
    assert export_name("Begoña") == "Begona-checkins.csv"
    assert export_name("María José") == "Maria_Jose-checkins.csv"


def test_a_code_typed_with_characters_codes_never_hold_is_still_a_code_attempt() -> None:
    # newcomer9 N34: "ABCD1234" (a 1 where an I or L was read) got the greeting, not "I couldn't find that code".
    from bot.domain.enrollment import code_shaped, confusable

    assert code_shaped("ABCD1234") and code_shaped("qqqq-1111") and code_shaped("R5PJ 8G7O")
    assert confusable("ABCD1234") and confusable("R5PJ8G7O") and not confusable("ZZZZ9999")
    assert not code_shaped("THANKYOU")  # eight letters, no digit: words, not a code
    assert not code_shaped("12345678")  # a phone number or a date, not a code
    assert not code_shaped("hello there") and not code_shaped("ABCD12345")
