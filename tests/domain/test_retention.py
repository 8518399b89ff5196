"""The retention rule, with a frozen `now`: who is past the period after leaving active treatment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config.settings import SettingsError, load_settings
from bot.domain.models import Patient, PatientStatus
from bot.domain.retention import ERASED, last_erasures, past_retention, unstamped

NOW = datetime(2025, 3, 1, 4, 0, tzinfo=UTC)
DAYS = 30


def _patient(pid: str, status: PatientStatus, left_days_ago: float | None) -> Patient:
    left = None if left_days_ago is None else NOW - timedelta(days=left_days_ago)
    enrolled = NOW - timedelta(days=400)
    return Patient(pid, 1, pid, 1001, enrolled, enrolled, status=status, status_changed_at=left)


@pytest.mark.parametrize("status", ["aftercare", "inactive", "withdrawn"])
def test_a_patient_who_left_longer_ago_than_the_period_is_due(status: PatientStatus) -> None:
    p = _patient("p1", status, DAYS + 1)
    assert past_retention([p], NOW, DAYS, {}) == [p]


def test_the_period_ends_exactly_at_its_last_moment_not_before() -> None:
    on_the_day, a_minute_short = _patient("p1", "aftercare", DAYS), _patient("p2", "aftercare", DAYS - 0.001)
    assert past_retention([on_the_day, a_minute_short], NOW, DAYS, {}) == [on_the_day]


def test_an_aftercare_patient_still_checking_in_is_kept_until_quiet_for_the_whole_period() -> None:
    p = _patient("p1", "aftercare", DAYS + 10)
    assert past_retention([p], NOW, DAYS, {}, {"p1": NOW - timedelta(days=3)}) == []
    assert past_retention([p], NOW, DAYS, {}, {"p1": NOW - timedelta(days=DAYS + 1)}) == [p]


def test_active_patients_are_never_due_however_long_ago_their_status_changed() -> None:
    assert past_retention([_patient("p1", "active", 900)], NOW, DAYS, {}) == []


def test_no_limit_means_nobody_is_due() -> None:
    assert past_retention([_patient("p1", "withdrawn", 900)], NOW, 0, {}) == []


def test_a_patient_without_a_departure_time_is_not_due_but_is_stamped() -> None:
    legacy, active = _patient("p1", "inactive", None), _patient("p2", "active", None)
    assert past_retention([legacy], NOW, DAYS, {}) == []
    assert unstamped([legacy, active]) == [legacy]


def test_data_erased_since_they_left_is_not_erased_again_but_a_later_departure_counts() -> None:
    p = _patient("p1", "withdrawn", DAYS + 5)
    after_leaving = {"p1": NOW - timedelta(days=2)}
    before_leaving = {"p1": NOW - timedelta(days=DAYS + 10)}
    assert past_retention([p], NOW, DAYS, after_leaving) == []
    assert past_retention([p], NOW, DAYS, before_leaving) == [p]


def test_the_last_erasure_per_patient_comes_from_the_audit_log() -> None:
    rows = [
        {"at": "2025-01-01T00:00:00+00:00", "action": ERASED, "subject": "p1"},
        {"at": "2025-02-01T00:00:00+00:00", "action": ERASED, "subject": "p1"},
        {"at": "2025-02-05T00:00:00+00:00", "action": "patient_data_exported", "subject": "p2"},
    ]
    assert last_erasures(rows) == {"p1": datetime(2025, 2, 1, tzinfo=UTC)}


def test_the_period_is_read_from_the_privacy_section_and_defaults_to_no_limit(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    assert load_settings({"IOP_CONFIG": "/dev/null"}).retention_days == 0
    config.write_text("[privacy]\nretention_days = 365\n")
    assert load_settings({"IOP_CONFIG": str(config)}).retention_days == 365
    for bad in ("-1", '"a year"', "true"):
        config.write_text(f"[privacy]\nretention_days = {bad}\n")
        with pytest.raises(SettingsError, match=r"privacy\.retention_days"):
            load_settings({"IOP_CONFIG": str(config)})
