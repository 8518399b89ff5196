"""Crisis lines by locale: picked from the patient's locale, time zone and language; overridable; dated."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.admin.doctor_crisis_lines import crisis_lines_check
from bot.config.sections import CrisisResources
from bot.config.settings import Settings
from bot.domain.crisis_lines import abuse_lines_for, default_crisis_lines, lines_for
from bot.domain.models import Patient
from bot.texts.crisis_answer import _EMERGENCY


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
    assert "findahelpline.com" in _text(Settings(timezone="Asia/Tokyo"), None)  # not listed: no US lines


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_country_the_directory_does_not_list_gets_no_us_number(language: str) -> None:
    """Bogota: 988, 741741 and 911 do not work there; the local emergency number and a directory do."""
    text = _text(Settings(), _patient("America/Bogota"), language)
    assert not any(n in text for n in ("988", "741741", "911")), text
    assert "findahelpline.com" in text
    assert ("emergencias" if language == "es" else "emergency number") in text


def test_us_lines_stay_for_us_zones_and_for_a_patient_without_a_zone_in_a_us_program() -> None:
    assert "988" in _text(Settings(), _patient("US/Michigan"))  # an old alias of a US zone
    assert "988" in _text(Settings(), _patient(None))  # no zone yet: the program's (New York)
    assert "findahelpline.com" in _text(Settings(timezone="Etc/UTC"), _patient(None))


def test_a_program_that_chose_its_own_default_locale_keeps_it_for_unlisted_countries() -> None:
    own = CrisisResources("co", ("Línea 106",))
    settings = Settings(crisis={"us": Settings().crisis["us"], "co": own}, default_locale="co")
    assert lines_for(settings, _patient("America/Bogota"), "es").lines == own.lines


def test_the_domestic_violence_line_comes_with_the_us_lines_only() -> None:
    assert "1-800-799-7233" in " ".join(abuse_lines_for(Settings(), _patient()))
    assert "88788" in " ".join(abuse_lines_for(Settings(), _patient(), "es"))
    assert abuse_lines_for(Settings(), _patient("Europe/London")) == ()
    assert abuse_lines_for(Settings(), _patient("America/Bogota")) == ()


def test_every_zone_in_the_directory_is_a_real_time_zone() -> None:
    from zoneinfo import ZoneInfo

    for zone in default_crisis_lines().zones:
        ZoneInfo(zone)


def test_the_programs_own_lines_override_the_directory() -> None:
    own = CrisisResources("us", ("Call our clinic's 24h line: 555-0100",))
    settings = Settings(crisis={"us": own, "mx": CrisisResources("mx", ("Línea local 555-0199",))})
    assert lines_for(settings, _patient()).lines == own.lines
    assert lines_for(settings, _patient("America/Mexico_City"), "es").lines == ("Línea local 555-0199",)


def test_every_locale_says_where_and_when_each_number_was_checked() -> None:
    directory = default_crisis_lines()
    assert {"us", "us-es", "ca", "gb", "ie", "au", "es", "mx", "intl", "intl-es"} <= set(directory.locales)
    for locale in directory.locales.values():
        assert locale.checks and all(c.source and c.checked <= date(2026, 11, 30) for c in locale.checks)


def test_doctor_fails_when_a_number_was_checked_more_than_a_year_ago() -> None:
    assert [f.ok for f in crisis_lines_check(Settings(), today=date(2027, 1, 1))] == [True]
    stale = list(crisis_lines_check(Settings(), today=date(2028, 1, 1)))
    assert [f.ok for f in stale] == [False] and "re-check" in stale[0].message


def test_every_locale_names_its_emergency_line_the_way_the_overdose_answer_finds_it() -> None:
    """The overdose answer puts the emergency number first (newcomer9 N22) by the words every emergency line
    uses; a locale whose line says it otherwise would silently keep it last."""
    for name, locale in default_crisis_lines().locales.items():
        found = [line for line in locale.lines if any(e in line for e in _EMERGENCY)]
        assert len(found) == 1, (name, locale.lines)


def test_the_child_abuse_line_comes_with_the_us_lines_only() -> None:
    # newcomer9 N45: Childhelp (US, checked 2026-11-30, see the directory), in English and in Spanish.
    from bot.domain.crisis_lines import answer_lines, child_lines_for

    assert "1-800-422-4453" in " ".join(child_lines_for(Settings(), _patient()))
    assert "intérprete" in " ".join(child_lines_for(Settings(), _patient(), "es"))
    assert child_lines_for(Settings(), _patient("Europe/London")) == ()
    assert answer_lines(Settings(), _patient(), others=False)[1] == ()  # no DV line unless danger from others
    assert answer_lines(Settings(), _patient(), others=True)[1] == abuse_lines_for(Settings(), _patient())
