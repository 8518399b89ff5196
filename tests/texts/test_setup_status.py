"""What a counselor reads about a patient who has not finished set-up is true for where they stopped (gaps11
#7: "gets no check-in prompts or session reminders" for someone with a time zone, whose session reminders do
go: bot/jobs/reminders.py plans them for every active patient with a time zone)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot import texts
from bot.domain.models import Patient

AT = datetime(2026, 11, 30, 12, tzinfo=UTC)


def _label(patient: Patient) -> str:
    return texts.STATUS_LABELS[patient.shown_status]


def test_no_time_zone_yet_gets_nothing() -> None:
    label = _label(Patient("p1", 5, "Alex", 1001, AT, AT))
    assert "no time zone" in label and "no check-in prompts or session reminders" in label


def test_a_time_zone_without_a_check_in_time_gets_session_reminders() -> None:
    label = _label(Patient("p1", 5, "Alex", 1001, AT, AT, timezone="America/Chicago"))
    assert "no check-in time" in label and "session reminders" in label
    assert "or session reminders" not in label and "no session reminders" not in label


def test_set_up_or_not_active_is_not_setting_up() -> None:
    done = Patient("p1", 5, "Alex", 1001, AT, AT, timezone="America/Chicago", checkin_time=time(19))
    assert done.shown_status == "active"
    assert Patient("p1", 5, "Alex", 1001, AT, AT, status="withdrawn").shown_status == "withdrawn"
