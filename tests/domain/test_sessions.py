"""Occurrences across DST and which reminders are due."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.sessions import Series, due_reminders, occurrences, parse_weekdays

NY = ZoneInfo("America/New_York")


def group(start: time = time(18, 0), days: tuple[int, ...] = (0, 2, 3)) -> Series:
    return Series("s1", "group", start, 180, "America/New_York", cohort="Evening", weekdays=days)


def test_a_weekly_group_meets_on_its_weekdays_at_local_time() -> None:
    monday = datetime(2026, 11, 23, 12, tzinfo=UTC)
    found = occurrences(group(), monday, monday + timedelta(days=7))
    assert [o.local_day.weekday() for o in found] == [0, 2, 3]
    assert all(o.starts_at.astimezone(NY).time() == time(18, 0) for o in found)


def test_local_time_holds_across_both_dst_changes() -> None:
    spring = occurrences(
        group(days=(6,)), datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 16, tzinfo=UTC)
    )
    autumn = occurrences(
        group(days=(6,)), datetime(2026, 10, 25, tzinfo=UTC), datetime(2026, 11, 9, tzinfo=UTC)
    )
    assert [o.starts_at.hour for o in spring] == [23, 22, 22]  # EST, then EDT from March 8
    assert [o.starts_at.hour for o in autumn] == [22, 23, 23]  # EDT, then EST from November 1


def test_a_session_at_0130_on_the_autumn_dst_day_is_the_first_0130() -> None:
    (occ,) = occurrences(
        group(time(1, 30), days=(6,)), datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 2, tzinfo=UTC)
    )
    assert occ.starts_at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT


def test_a_cancelled_meeting_has_no_occurrence() -> None:
    s = Series.from_dict({**group().to_dict(), "cancelled": ["2026-11-25"]})
    found = occurrences(s, datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC))
    assert date(2026, 11, 25) not in [o.local_day for o in found]


def test_only_the_latest_due_reminder_is_sent_after_downtime() -> None:
    start = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    ((latest, older),) = due_reminders(
        [group()], {"Evening": ["p1"]}, [1440, 60], start - timedelta(minutes=30), {}
    )
    assert latest.offset_min == 60 and [o.offset_min for o in older] == [1440]


def test_nothing_is_due_once_the_session_has_started_or_too_early() -> None:
    start = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    assert due_reminders([group()], {"Evening": ["p1"]}, [60], start + timedelta(minutes=1), {}) == []
    assert due_reminders([group()], {"Evening": ["p1"]}, [60], start - timedelta(minutes=61), {}) == []


def test_quiet_hours_hold_a_reminder_back() -> None:
    at = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # 03:00 in New York, session 24 h later... due
    quiet = {"p1": (NY, time(22, 0), time(8, 0))}
    s = group(time(3, 30), days=(1, 2))
    assert due_reminders([s], {"Evening": ["p1"]}, [1440], at, quiet) == []
    assert len(due_reminders([s], {"Evening": ["p1"]}, [1440], at, {})) == 1


def test_weekdays_are_parsed_and_typos_refused() -> None:
    assert parse_weekdays("mon, Wed,thursday") == (0, 2, 3)
    with pytest.raises(ValueError, match="funday"):
        parse_weekdays("mon,funday")


def test_a_late_reminder_close_to_the_next_one_stands_for_it() -> None:
    """Newcomer finding 28: booked 63 minutes ahead, the day-before reminder goes at once and the hour-before
    one, due three minutes later, would say the same again: the first stands for both."""
    start = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    ((latest, replaced),) = due_reminders(
        [group()], {"Evening": ["p1"]}, [1440, 60], start - timedelta(minutes=63), {}
    )
    assert latest.offset_min == 1440 and [o.offset_min for o in replaced] == [60]
    # Booked the evening before: the day-before reminder now, and the hour-before one still to come.
    ((latest, replaced),) = due_reminders(
        [group()], {"Evening": ["p1"]}, [1440, 60], start - timedelta(hours=20), {}
    )
    assert latest.offset_min == 1440 and replaced == []
