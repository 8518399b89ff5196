"""Quiet hours: windows across midnight, each patient's own window or the default, and "off"."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.config.settings import Settings
from bot.domain.measures import measures_rule
from bot.domain.models import Patient
from bot.domain.quiet import OFF, choices, decode, encode, is_quiet, quiet_hours, quiet_now
from bot.jobs.prompts import nudge_rule

NY = ZoneInfo("America/New_York")
SETTINGS = Settings()  # the program default: 22:00-08:00
NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)  # a Monday
EARLY = (time(21, 0), time(7, 0))


def _patient(window: tuple[time, time] | None = None, **changes: object) -> Patient:
    start, end = window if window is not None else (None, None)
    p = Patient("p1", 2001, "Alex", 1001, NOW, NOW, timezone="America/New_York", checkin_time=time(19, 0))
    return p.with_changes(quiet_start=start, quiet_end=end, **changes)


def ny(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, day, hour, minute, tzinfo=NY).astimezone(UTC)


@pytest.mark.parametrize(
    ("at", "quiet"),
    [(time(20, 59), False), (time(21, 0), True), (time(23, 59), True), (time(0, 0), True),
     (time(6, 59), True), (time(7, 0), False), (time(12, 0), False)],
)  # fmt: skip
def test_a_window_across_midnight_covers_the_evening_and_the_early_morning(at: time, quiet: bool) -> None:
    assert is_quiet(at, *EARLY) is quiet


def test_a_window_within_one_day_and_an_empty_window() -> None:
    assert is_quiet(time(3, 0), time(0, 0), time(6, 0))
    assert not is_quiet(time(6, 0), time(0, 0), time(6, 0))
    assert not is_quiet(time(23, 0), time(0, 0), time(6, 0))
    assert not any(is_quiet(time(h), *OFF) for h in range(24))


def test_a_patient_who_chose_nothing_has_the_program_default() -> None:
    assert quiet_hours(_patient(), SETTINGS) == (time(22, 0), time(8, 0))
    later = dataclasses.replace(SETTINGS, quiet_start=time(23, 0), quiet_end=time(7, 0))
    assert quiet_hours(_patient(), later) == (time(23, 0), time(7, 0))


def test_a_patients_own_window_wins_over_the_default() -> None:
    assert quiet_hours(_patient(EARLY), SETTINGS) == EARLY
    assert quiet_now(ny(4, 21, 30), _patient(EARLY), SETTINGS)
    assert not quiet_now(ny(4, 21, 30), _patient(), SETTINGS)
    assert not quiet_now(ny(5, 7, 0), _patient(EARLY), SETTINGS)
    assert quiet_now(ny(5, 7, 0), _patient(), SETTINGS)


def test_off_means_no_quiet_hours_for_the_patient_or_for_the_whole_program() -> None:
    assert quiet_hours(_patient(OFF), SETTINGS) is None
    assert not quiet_now(ny(5, 3, 0), _patient(OFF), SETTINGS)
    program_off = dataclasses.replace(SETTINGS, quiet_start=time(0, 0), quiet_end=time(0, 0))
    assert quiet_hours(_patient(), program_off) is None
    assert quiet_hours(_patient(EARLY), program_off) == EARLY


def test_quiet_hours_are_read_on_the_patients_own_wall_clock() -> None:
    la = _patient(EARLY, timezone="America/Los_Angeles")
    assert not quiet_now(ny(4, 21, 30), la, SETTINGS)  # 18:30 in Los Angeles
    assert quiet_now(ny(5, 0, 30), la, SETTINGS)  # 21:30 there


def test_a_patients_quiet_hours_survive_the_store_round_trip() -> None:
    for window in (EARLY, (time(0, 0), time(6, 0)), OFF, None):
        p = _patient(window)
        assert Patient.from_dict(p.to_dict()) == p
    old_record = {k: v for k, v in _patient().to_dict().items() if not k.startswith("quiet")}
    assert Patient.from_dict(old_record).quiet_start is None


def test_the_choices_put_the_default_first_once_and_off_last() -> None:
    offered = choices(SETTINGS)
    assert offered[0] == (time(22, 0), time(8, 0)) and offered[-1] == OFF
    assert len(offered) == len(set(offered)) == 5
    program_off = dataclasses.replace(SETTINGS, quiet_start=time(3, 0), quiet_end=time(3, 0))
    assert choices(program_off)[0] == OFF and choices(program_off).count(OFF) == 1


def test_button_data_round_trips_and_junk_is_refused() -> None:
    for window in choices(SETTINGS):
        assert decode(encode(window)) == window
    assert [decode(junk) for junk in ("", "2100", "ab00-0700", "2500-0700", "2100-07")] == [None] * 5


def test_the_nudge_is_planned_outside_the_patients_own_quiet_hours() -> None:
    rule = nudge_rule(SETTINGS)  # 2 hours after a 19:00 prompt
    default = rule(_patient(), NOW)
    early = rule(_patient(EARLY), NOW)
    assert default is not None and default.astimezone(NY).time() == time(21, 0)
    assert early is not None and early.astimezone(NY).time() == time(20, 30)  # pulled before 21:00
    dawn = rule(_patient(EARLY, checkin_time=time(5, 0)), NOW)
    assert dawn is not None and dawn.astimezone(NY).time() == time(7, 0)


def test_the_weekly_push_waits_for_the_end_of_the_patients_quiet_hours() -> None:
    settings = dataclasses.replace(SETTINGS, measures_time=time(6, 0))  # Mondays at 06:00
    rule = measures_rule(settings)
    held = rule(_patient(EARLY), NOW - timedelta(days=1))
    assert held == ny(4, 7, 0)
    # Asked again from inside the hold (a restart at 06:30), the same push is still ahead.
    assert rule(_patient(EARLY), ny(4, 6, 30)) == ny(4, 7, 0)
    # Once it went out, the next one is a week later, held the same way.
    assert rule(_patient(EARLY), held + timedelta(seconds=1)) == ny(11, 7, 0)
    assert rule(_patient(OFF), NOW - timedelta(days=1)) == ny(4, 6, 0)
