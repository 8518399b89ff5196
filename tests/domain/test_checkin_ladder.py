"""Prompt times across DST, quiet hours, nudges and missed-day flags."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.domain.checkin_ladder import (
    in_quiet_hours,
    missed_days,
    missed_flag_due,
    next_allowed,
    next_prompt,
    nudge_due,
    nudge_time,
    prompt_datetime,
)

NY = ZoneInfo("America/New_York")
QUIET = (time(22, 0), time(8, 0))
MAY4 = date(2026, 5, 4)


def ny(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A New York wall time as an aware UTC instant (for unambiguous times only)."""
    return datetime(y, mo, d, h, mi, tzinfo=NY).astimezone(UTC)


def test_a_prompt_on_an_ordinary_day_is_the_local_wall_time() -> None:
    assert prompt_datetime(MAY4, time(19, 0), NY) == datetime(2026, 5, 4, 23, 0, tzinfo=UTC)


def test_a_prompt_in_the_spring_forward_gap_moves_forward_by_the_gap() -> None:
    # 02:30 does not exist in New York on 2026-03-08; it becomes 03:30 EDT.
    at = prompt_datetime(date(2026, 3, 8), time(2, 30), NY)
    assert at == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert at.astimezone(NY).time() == time(3, 30)


def test_an_ambiguous_fall_back_prompt_uses_the_first_occurrence() -> None:
    # 01:30 happens twice in New York on 2026-11-01: first in EDT (05:30 UTC), then in EST (06:30 UTC).
    assert prompt_datetime(date(2026, 11, 1), time(1, 30), NY) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_the_evening_prompt_keeps_its_wall_time_across_dst_changes() -> None:
    assert prompt_datetime(date(2026, 3, 7), time(19, 0), NY) == datetime(2026, 3, 8, 0, 0, tzinfo=UTC)
    assert prompt_datetime(date(2026, 3, 8), time(19, 0), NY) == datetime(2026, 3, 8, 23, 0, tzinfo=UTC)


def test_the_next_prompt_is_strictly_after_now() -> None:
    at = time(19, 0)
    assert next_prompt(ny(2026, 5, 4, 18, 59), at, NY) == ny(2026, 5, 4, 19)
    assert next_prompt(ny(2026, 5, 4, 19), at, NY) == ny(2026, 5, 5, 19)
    assert next_prompt(ny(2026, 3, 7, 20), at, NY) == datetime(2026, 3, 8, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("hour", "minute", "quiet"),
    [
        (21, 59, False),
        (22, 0, True),
        (23, 30, True),
        (0, 0, True),
        (7, 59, True),
        (8, 0, False),
        (12, 0, False),
    ],
)
def test_quiet_hours_wrap_midnight(hour: int, minute: int, quiet: bool) -> None:
    assert in_quiet_hours(ny(2026, 5, 4, hour, minute), NY, *QUIET) is quiet


def test_quiet_hours_that_do_not_wrap_and_empty_quiet_hours() -> None:
    assert in_quiet_hours(ny(2026, 5, 4, 13, 30), NY, time(13, 0), time(14, 0))
    assert not in_quiet_hours(ny(2026, 5, 4, 14, 0), NY, time(13, 0), time(14, 0))
    assert not in_quiet_hours(ny(2026, 5, 4, 3, 0), NY, time(0, 0), time(0, 0))


def test_the_next_allowed_time_is_now_or_the_end_of_quiet_hours() -> None:
    assert next_allowed(ny(2026, 5, 4, 12), NY, *QUIET) == ny(2026, 5, 4, 12)
    assert next_allowed(ny(2026, 5, 4, 23), NY, *QUIET) == ny(2026, 5, 5, 8)
    assert next_allowed(ny(2026, 5, 5, 6), NY, *QUIET) == ny(2026, 5, 5, 8)
    # Quiet hours spanning the spring-forward night end at 08:00 EDT.
    assert next_allowed(ny(2026, 3, 7, 23), NY, *QUIET) == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def due(
    now: datetime,
    prompt_at: time = time(19, 0),
    checked: set[date] | None = None,
    nudged: set[date] | None = None,
) -> date | None:
    return nudge_due(
        now=now,
        tz=NY,
        prompt_at=prompt_at,
        nudge_after=timedelta(hours=2),
        checked_in_dates=checked or set(),
        nudged_dates=nudged or set(),
        quiet_start=QUIET[0],
        quiet_end=QUIET[1],
    )


def test_a_nudge_is_due_once_the_delay_after_the_prompt_has_passed() -> None:
    assert due(ny(2026, 5, 4, 20, 59)) is None
    assert due(ny(2026, 5, 4, 21, 0)) == MAY4


def test_no_nudge_after_a_check_in_or_a_nudge_already_sent() -> None:
    assert due(ny(2026, 5, 4, 21, 30), checked={MAY4}) is None
    assert due(ny(2026, 5, 4, 21, 30), nudged={MAY4}) is None
    assert due(ny(2026, 5, 4, 21, 30), checked={MAY4 - timedelta(days=1)}) == MAY4


def test_no_nudge_during_quiet_hours() -> None:
    assert due(ny(2026, 5, 4, 22, 30), prompt_at=time(20, 0)) is None
    assert due(ny(2026, 5, 4, 21, 59), prompt_at=time(19, 30)) == MAY4


def test_an_evening_prompt_gets_its_nudge_pulled_back_before_quiet_hours() -> None:
    assert due(ny(2026, 5, 4, 21, 29), prompt_at=time(20, 0)) is None
    assert due(ny(2026, 5, 4, 21, 30), prompt_at=time(20, 0)) == MAY4


def test_a_nudge_held_back_overnight_is_not_sent_the_next_morning() -> None:
    assert due(ny(2026, 5, 5, 8, 30), prompt_at=time(21, 0)) is None


def test_the_rules_never_read_the_clock() -> None:
    with time_machine.travel(datetime(2030, 1, 1, 3, 0, tzinfo=UTC), tick=False):
        assert due(ny(2026, 5, 4, 21, 0)) == MAY4
        assert not in_quiet_hours(ny(2026, 5, 4, 12), NY, *QUIET)


def test_missed_days_count_back_from_yesterday() -> None:
    today = date(2026, 5, 10)
    assert missed_days(today=today, checked_in_dates={date(2026, 5, 7)}, enrolled_on=date(2026, 5, 1)) == 2
    assert missed_days(today=today, checked_in_dates={date(2026, 5, 9)}, enrolled_on=date(2026, 5, 1)) == 0


def test_today_and_the_enrolment_day_are_never_counted_as_missed() -> None:
    today = date(2026, 5, 10)
    assert missed_days(today=today, checked_in_dates=set(), enrolled_on=date(2026, 5, 9)) == 0
    assert missed_days(today=today, checked_in_dates=set(), enrolled_on=date(2026, 5, 7)) == 2
    assert missed_days(today=today, checked_in_dates=set(), enrolled_on=today) == 0


def test_the_counselor_flag_is_due_at_the_threshold() -> None:
    assert not missed_flag_due(1)
    assert missed_flag_due(2)
    assert missed_flag_due(3, threshold=3) and not missed_flag_due(2, threshold=3)


def test_the_nudge_comes_some_hours_after_the_prompt() -> None:
    assert nudge_time(time(19, 0), timedelta(hours=2), time(22, 0), time(8, 0)) == time(21, 0)


def test_a_nudge_that_would_land_in_quiet_hours_moves_before_them() -> None:
    assert nudge_time(time(20, 0), timedelta(hours=3), time(22, 0), time(8, 0)) == time(21, 30)


def test_a_late_prompt_gets_no_nudge() -> None:
    assert nudge_time(time(21, 30), timedelta(hours=2), time(22, 0), time(8, 0)) is None
