"""The patient's progress view: chart periods, typed dates for the counter, and the chart's caption."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot import texts
from bot.domain.checkins import Entry
from bot.domain.history import (
    DEFAULT_PERIOD,
    days_since_count,
    has_checkins_in,
    is_off,
    is_restart,
    other_period,
    parse_date,
    period,
)

TODAY = date(2026, 3, 15)


def entry(days_ago: int) -> Entry:
    d = TODAY - timedelta(days=days_ago)
    return Entry(f"e{days_ago}", datetime(d.year, d.month, d.day, 23, tzinfo=UTC), d, {"mood": 5})


def test_button_data_gives_the_period_and_anything_else_falls_back_to_a_week() -> None:
    assert period("7") == 7
    assert period("30") == 30
    for junk in ("90", "0", "-7", "abc", "", "7 "):
        assert period(junk) == DEFAULT_PERIOD


def test_the_button_offers_the_period_not_on_screen() -> None:
    assert other_period(7) == 30
    assert other_period(30) == 7


def test_check_ins_count_for_a_period_only_within_its_days() -> None:
    assert has_checkins_in([entry(6)], today=TODAY, days=7)
    assert not has_checkins_in([entry(7)], today=TODAY, days=7)
    assert has_checkins_in([entry(29)], today=TODAY, days=30)
    assert not has_checkins_in([], today=TODAY, days=30)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("2026/3/1", date(2026, 3, 1)),
        ("  2026.03.01 ", date(2026, 3, 1)),
        ("March 1", date(2026, 3, 1)),
        ("mar 1st", date(2026, 3, 1)),
        ("Sept. 9, 2025", date(2025, 9, 9)),
        ("1 March 2024", date(2024, 3, 1)),
        ("3rd   January", date(2026, 1, 3)),
        ("today", TODAY),
        ("Yesterday", TODAY - timedelta(days=1)),
    ],
)
def test_dates_are_read_the_ways_people_type_them(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


def test_a_day_without_a_year_is_the_most_recent_one_not_one_still_ahead() -> None:
    assert parse_date("December 24", TODAY) == date(2025, 12, 24)
    assert parse_date("March 15", TODAY) == TODAY
    assert parse_date("February 29", TODAY) == date(2024, 2, 29)  # the last leap day


@pytest.mark.parametrize("typed", ["", "soon", "last spring", "2026-02-30", "Smarch 3", "13/13", "31 June"])
def test_text_that_is_not_a_real_date_is_unreadable(typed: str) -> None:
    assert parse_date(typed, TODAY) == "unreadable"


def test_a_date_still_ahead_is_future_and_a_typo_year_is_too_old() -> None:
    assert parse_date("2026-03-16", TODAY) == "future"
    assert parse_date("March 1 2027", TODAY) == "future"
    assert parse_date("0203-03-03", TODAY) == "too_old"
    assert parse_date("1900-01-01", TODAY) == date(1900, 1, 1)


def test_off_words_turn_the_counter_off_but_other_text_does_not() -> None:
    for word in ("off", "OFF", " Clear ", "remove", "none", "stop."):
        assert is_off(word)
    for text in ("offline", "today", "turn it off please", ""):
        assert not is_off(text)


def test_the_counter_is_whole_days_and_nothing_without_a_date() -> None:
    assert days_since_count(date(2026, 3, 1), TODAY) == 14
    assert days_since_count(TODAY, TODAY) == 0
    assert days_since_count(None, TODAY) is None


def test_only_a_later_date_replacing_an_earlier_one_is_a_fresh_start() -> None:
    assert is_restart(date(2026, 1, 1), date(2026, 3, 1))
    assert not is_restart(date(2026, 3, 1), date(2026, 1, 1))  # a correction back in time
    assert not is_restart(None, date(2026, 3, 1))
    assert not is_restart(TODAY, TODAY)


def _caption(**changes: object) -> str:
    values: dict[str, object] = {
        "days": 7,
        "checkin_days": 5,
        "streak": 3,
        "mood_average": 6.25,
        "mood_trend": "up",
        "craving_average": 2.0,
        "craving_trend": "down",
        "language": "en",
    }
    values.update(changes)
    return texts.progress_caption(**values)  # type: ignore[arg-type]


def test_the_caption_gives_period_check_ins_averages_trends_and_streak_one_a_line() -> None:
    lines = _caption().split("\n")
    assert lines == [
        "<b>Your last 7 days</b>: check-ins on 5 of 7 days",
        "Mood: 6.2/10 on average (higher than the 7 days before)",
        "Craving: 2.0/10 on average (lower than the 7 days before)",
        "Streak: 3 days in a row",
    ]


def test_the_caption_leaves_out_what_it_cannot_say() -> None:
    text = _caption(mood_average=None, craving_trend="unknown", days=30)
    assert "Mood" not in text
    assert "Craving: 2.0/10 on average" in text and "before" not in text
    assert "\n\n" not in text


def test_a_flat_trend_reads_as_about_the_same() -> None:
    assert "(about the same as the 30 days before)" in _caption(mood_trend="flat", days=30)


def test_no_streak_yet_reads_as_a_start_waiting_not_a_zero() -> None:
    assert "Streak: your next check-in starts a new one" in _caption(streak=0)
    assert "0" not in texts.history_streak_line(0)
    assert texts.history_streak_line(1) == "Streak: 1 day in a row"


def test_the_caption_shows_the_counter_only_when_the_patient_set_one() -> None:
    assert "🌱" not in _caption()
    text = _caption(since=date(2026, 3, 1), since_days=14)
    assert text.endswith("🌱 14 days since Mar 1, 2026")
    assert "Day one today (counting from Mar 15, 2026)" in _caption(since=TODAY, since_days=0)
    assert "1 day since" in _caption(since=TODAY - timedelta(days=1), since_days=1)


def test_a_full_caption_fits_a_telegram_photo_caption() -> None:
    assert len(_caption(since=date(2026, 3, 1), since_days=14)) < 1024


def test_a_new_date_is_taken_as_it_is_and_never_counts_what_was_lost() -> None:
    text = texts.days_since_saved(0, TODAY, restarted=True)
    assert "new date" in text and "courage" not in text  # a changed date is not assumed to be a relapse
    for blame in ("lost your", "broke", "failed", "relapse", "again?", "only"):
        assert blame not in text.casefold()


def test_every_date_problem_gets_its_own_kind_re_ask_with_examples() -> None:
    for problem in ("unreadable", "future", "too_old"):
        text = texts.days_since_reask(problem)
        assert "March 1" in text and "/cancel" in text
    assert len({texts.days_since_reask(p) for p in ("unreadable", "future", "too_old")}) == 3


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("hoy", TODAY),
        ("Ayer", TODAY - timedelta(days=1)),
        ("1 de marzo", date(2026, 3, 1)),
        ("el 1 de marzo de 2026", date(2026, 3, 1)),
        ("15 de agosto de 2025", date(2025, 8, 15)),
        ("3 dic 2025", date(2025, 12, 3)),
    ],
)
def test_a_date_typed_in_spanish_is_read(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


def test_the_counter_turns_off_in_spanish_too() -> None:
    assert is_off("apagar") and is_off("Borrar.") and not is_off("apagado el lunes")


def test_the_spanish_caption_says_the_same_facts() -> None:
    caption = _caption(language="es", since=date(2026, 3, 1), since_days=5)
    assert caption.splitlines() == [
        "<b>Tus últimos 7 días</b>: registros en 5 de 7 días",
        "Ánimo: 6,2/10 en promedio (más alto que los 7 días anteriores)",
        "Ansias: 2,0/10 en promedio (más bajo que los 7 días anteriores)",
        "Racha: 3 días seguidos",
        "🌱 5 días desde el 1 de marzo de 2026",
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("two weeks ago", date(2026, 11, 16)),
        ("2 weeks ago", date(2026, 11, 16)),
        ("a week ago", date(2026, 11, 23)),
        ("3 days ago", date(2026, 11, 27)),
        ("a month ago", date(2026, 10, 30)),
        ("six months ago", date(2026, 5, 30)),
        ("a year ago", date(2025, 11, 30)),
        ("hace dos semanas", date(2026, 11, 16)),
        ("Hace una semana", date(2026, 11, 23)),
        ("hace 10 días", date(2026, 11, 20)),
        ("hace tres meses", date(2026, 8, 30)),
        ("hace un año", date(2025, 11, 30)),
    ],
)
def test_a_date_said_as_how_long_ago_is_read(typed: str, expected: date) -> None:
    """newcomer9 N44: "hace dos semanas" and "two weeks ago" were not read (and went to the counselors)."""
    assert parse_date(typed, date(2026, 11, 30)) == expected


def test_a_month_ago_from_the_31st_is_the_last_day_of_the_shorter_month() -> None:
    assert parse_date("a month ago", date(2026, 12, 31)) == date(2026, 11, 30)
    assert parse_date("a year ago", date(2028, 2, 29)) == date(2027, 2, 28)
    assert parse_date("200 years ago", date(2026, 11, 30)) == "too_old"
    assert parse_date("weeks ago", date(2026, 11, 30)) == "unreadable"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("since last monday", date(2026, 3, 9)),  # TODAY is a Sunday
        ("last monday", date(2026, 3, 9)),
        ("friday", date(2026, 3, 13)),
        ("sunday", TODAY),
        ("last sunday", date(2026, 3, 8)),
        ("desde el lunes pasado", date(2026, 3, 9)),
        ("el sábado", date(2026, 3, 14)),
    ],
)
def test_a_weekday_reads_as_the_latest_one(typed: str, expected: date) -> None:
    """newcomer14 N111: "since last monday" and "last monday" were "I couldn't read that as a date"."""
    assert parse_date(typed, TODAY) == expected
