"""Streaks, averages and trends from check-in entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.checkins import Entry
from bot.domain.progress import averages, days_since, streak, text_summary_values, trend, window

TODAY = date(2026, 5, 20)


def day(n: int) -> date:
    """n days before TODAY."""
    return TODAY - timedelta(days=n)


def entry(n: int, **answers: int | str | None) -> Entry:
    d = day(n)
    return Entry(f"e{n}", datetime(d.year, d.month, d.day, 23, tzinfo=UTC), d, dict(answers))


def test_it_counts_consecutive_days_ending_today() -> None:
    assert streak([day(0), day(1), day(2)], TODAY) == 3


def test_it_keeps_the_streak_until_the_day_is_over() -> None:
    assert streak([day(1), day(2), day(3)], TODAY) == 3


def test_a_missed_day_breaks_the_streak() -> None:
    assert streak([day(0), day(1), day(3), day(4), day(5)], TODAY) == 2
    assert streak([day(2), day(3)], TODAY) == 0
    assert streak([], TODAY) == 0


def test_two_check_ins_on_one_day_count_once() -> None:
    assert streak([day(0), day(0), day(1)], TODAY) == 2


def test_days_since_counts_whole_days_and_never_goes_negative() -> None:
    assert days_since(day(10), TODAY) == 10
    assert days_since(TODAY, TODAY) == 0
    assert days_since(TODAY + timedelta(days=3), TODAY) == 0


def test_the_window_includes_today_and_is_oldest_first() -> None:
    entries = [entry(0), entry(7), entry(6), entry(3)]
    assert [e.entry_id for e in window(entries, today=TODAY, days=7)] == ["e6", "e3", "e0"]


def test_averages_ignore_skipped_answers_and_old_entries() -> None:
    entries = [entry(0, mood=8), entry(1, mood=None), entry(2, mood=4), entry(9, mood=0), entry(3, note="hi")]
    assert averages(entries, "mood", since=day(6)) == 6.0
    assert averages(entries, "craving", since=day(6)) is None


def test_the_trend_compares_this_week_with_last_week() -> None:
    last_week = [entry(n, mood=4) for n in range(7, 14)]
    assert trend([*last_week, entry(0, mood=6)], "mood", today=TODAY) == "up"
    assert trend([*last_week, entry(0, mood=2)], "mood", today=TODAY) == "down"


def test_a_change_under_half_a_point_is_flat() -> None:
    last_week = [entry(8, mood=4), entry(9, mood=5)]  # mean 4.5
    assert (
        trend([*last_week, entry(0, mood=4), entry(1, mood=5), entry(2, mood=5)], "mood", today=TODAY)
        == "flat"
    )
    assert trend([*last_week, entry(0, mood=5)], "mood", today=TODAY) == "up"  # exactly 0.5 is a change
    assert trend([*last_week, entry(0, mood=4)], "mood", today=TODAY) == "down"


def test_the_trend_is_unknown_without_both_weeks() -> None:
    assert trend([entry(0, mood=5)], "mood", today=TODAY) == "unknown"
    assert trend([entry(8, mood=5)], "mood", today=TODAY) == "unknown"


def test_summary_values_are_numbers_for_the_wording_layer() -> None:
    entries = [entry(0, mood=6, craving=2), entry(1, mood=4, craving=4), entry(8, mood=3, craving=8)]
    values = text_summary_values(entries, today=TODAY, days=7, program_start=day(12))
    assert (values.days, values.checkin_days, values.streak, values.days_in_program) == (7, 2, 2, 12)
    assert (values.mood_average, values.craving_average) == (5.0, 3.0)
    assert (values.mood_trend, values.craving_trend) == ("up", "down")
    assert text_summary_values([], today=TODAY).mood_average is None
