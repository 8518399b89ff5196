"""Crisis lines by locale: picked from the patient's locale, time zone and language; overridable; dated."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.admin.doctor_crisis_lines import crisis_lines_check
from bot.config.sections import CrisisResources
from bot.config.settings import Settings
from bot.domain.crisis_lines import default_crisis_lines, lines_for
from bot.domain.models import Patient


def _patient(timezone: str | None = "America/New_York", locale: str | None = None) -> Patient:
    at = datetime(2026, 11, 1, 12, 0)
    return Patient("p1", 5, "Alex", 1001, at, at, timezone=timezone, checkin_time=time(19), locale=locale)


def _text(settings: Settings, patient: Patient | None, language: str = "en") -> str:
    return " ".join(lines_for(settings, patient, language).lines)


@pytest.mark.parametrize(
    ("zone", "language", "expect"),
    [
        ("America/Chicago", "en", "988"),
        ("America/Chicago", "es", "marca 2"),
        ("America/Toronto", "en", "Suicide Crisis Helpline"),
        ("Europe/London", "en", "116 123"),
        ("Europe/Dublin", "en", "50808"),
        ("Australia/Sydney", "en", "13 11 14"),
        ("Europe/Madrid", "es", "024"),
        ("America/Mexico_City", "es", "800 911 2000"),
        ("Europe/Madrid", "en", "024"),  # an English speaker in Spain still gets Spain's lines
    ],
)
def test_the_patients_time_zone_and_language_pick_the_lines(zone: str, language: str, expect: str) -> None:
    assert expect in _text(Settings(), _patient(zone), language)


def test_the_patients_own_locale_comes_first_and_a_stranger_gets_the_programs_zone() -> None:
    assert "800 911 2000" in _text(Settings(), _patient("America/New_York", locale="es-MX"))
    assert "marca 2" in _text(Settings(), _patient("America/New_York", locale="us-es"))
    assert "116 123" in _text(Settings(timezone="Europe/London"), None)
    assert "988" in _text(Settings(timezone="Asia/Tokyo"), None)  # not listed: the program default


def test_the_programs_own_lines_override_the_directory() -> None:
    own = CrisisResources("us", ("Call our clinic's 24h line: 555-0100",))
    settings = Settings(crisis={"us": own, "mx": CrisisResources("mx", ("Línea local 555-0199",))})
    assert lines_for(settings, _patient()).lines == own.lines
    assert lines_for(settings, _patient("America/Mexico_City"), "es").lines == ("Línea local 555-0199",)


def test_every_locale_says_where_and_when_each_number_was_checked() -> None:
    directory = default_crisis_lines()
    assert {"us", "us-es", "ca", "gb", "ie", "au", "es", "mx"} <= set(directory.locales)
    for locale in directory.locales.values():
        assert locale.checks and all(c.source and c.checked <= date(2026, 11, 29) for c in locale.checks)


def test_doctor_fails_when_a_number_was_checked_more_than_a_year_ago() -> None:
    assert [f.ok for f in crisis_lines_check(Settings(), today=date(2027, 1, 1))] == [True]
    stale = list(crisis_lines_check(Settings(), today=date(2028, 1, 1)))
    assert [f.ok for f in stale] == [False] and "re-check" in stale[0].message
