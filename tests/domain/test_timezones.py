"""Typed time zones: cities worldwide, common names and abbreviations, always a zone with DST."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timezones import lookup


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("America/Chicago", "America/Chicago"),
        ("europe/london", "Europe/London"),
        ("London", "Europe/London"),
        ("eastern", "America/New_York"),
        ("EST", "America/New_York"),
        ("pst", "America/Los_Angeles"),
        ("new york", "America/New_York"),
        ("Sydney", "Australia/Sydney"),
        ("  Buenos_Aires ", "America/Buenos_Aires"),
        ("Dublin", "Europe/Dublin"),
        ("Mexico City", "America/Mexico_City"),
        ("madrid", "Europe/Madrid"),
        ("Tokyo", "Asia/Tokyo"),
        ("GMT", "Europe/London"),
    ],
)
def test_cities_names_and_abbreviations_mean_a_zone(typed: str, zone: str) -> None:
    assert lookup(typed).zone == zone


@pytest.mark.parametrize("typed", ["EST", "MST", "HST", "eastern", "central", "mountain", "pacific", "GMT"])
def test_an_abbreviation_is_never_a_fixed_offset(typed: str) -> None:
    zone = lookup(typed).zone
    assert zone is not None and "/" in zone and not zone.startswith("Etc/")
    if typed not in ("HST", "MST"):  # Honolulu and (by MST's alias) Denver: Denver has DST, Honolulu none
        winter, summer = (datetime(2026, m, 1, tzinfo=ZoneInfo(zone)).utcoffset() for m in (1, 7))
        assert winter != summer


@pytest.mark.parametrize(("typed", "suggested"), [("Londn", "Europe/London"), ("Chicgo", "America/Chicago")])
def test_a_near_miss_gets_suggestions(typed: str, suggested: str) -> None:
    found = lookup(typed)
    assert found.zone is None and suggested in found.suggestions and len(found.suggestions) <= 3


@pytest.mark.parametrize("typed", ["Mars/Base", "../../etc/passwd", "", "x" * 200, "Etc/GMT+5", "EST5EDT"])
def test_nonsense_and_fixed_offset_zones_are_not_zones(typed: str) -> None:
    assert lookup(typed).zone is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("vivo en Los Ángeles", "America/Los_Angeles"),  # newcomer finding 33
        ("Los Ángeles", "America/Los_Angeles"),
        ("Nueva York", "America/New_York"),
        ("Ciudad de México", "America/Mexico_City"),
        ("Bogotá", "America/Bogota"),
        ("hora del pacífico", "America/Los_Angeles"),
        ("estoy en Londres", "Europe/London"),
        ("I live in Chicago", "America/Chicago"),
        ("I'm in London", "Europe/London"),
        ("vivo en El Salvador", "America/El_Salvador"),  # "el" belongs to the place here
        ("La Paz", "America/La_Paz"),
    ],
)
def test_places_typed_in_a_sentence_with_accents_or_in_spanish_are_found(typed: str, zone: str) -> None:
    assert lookup(typed).zone == zone


def test_a_near_miss_inside_a_sentence_is_suggested_from_the_place() -> None:
    assert lookup("vivo en Nueva Yrok").suggestions == ("America/New_York",)
    assert lookup("vivo en").zone is None and lookup("in").zone is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("portland oregon", "America/Los_Angeles"),  # newcomer6 finding 4
        ("vivo en Salem, Oregón", "America/Los_Angeles"),
        ("Portland, Maine", "America/New_York"),  # the state decides when the city's zone disagrees
        ("Seattle, Washington", "America/Los_Angeles"),
        ("I live in Boise, Idaho", "America/Boise"),
        ("austin texas", "America/Chicago"),
        ("Oregon", "America/Los_Angeles"),
        ("carolina del norte", "America/New_York"),
        ("I live in Washington DC", "America/New_York"),
        # newcomer7 N31: a state's postal code after the city, and words after the place
        ("im in phoenix az this week for work", "America/Phoenix"),
        ("phoenix az", "America/Phoenix"),
        ("Portland, ME", "America/New_York"),
        ("boise id", "America/Boise"),
        ("miami fl for the holidays", "America/New_York"),
        ("im in denver this week", "America/Denver"),
        ("estoy en phoenix esta semana", "America/Phoenix"),
        ("i live in chicago in the suburbs", "America/Chicago"),  # "in" is no Indiana there
    ],
)
def test_a_place_with_its_us_state_or_the_state_alone_is_found(typed: str, zone: str) -> None:
    assert lookup(typed).zone == zone


def test_bare_washington_is_not_guessed() -> None:
    assert lookup("washington").zone is None  # the capital or the state: asked, with both suggested


@pytest.mark.parametrize(
    "typed", ["i am in la", "in", "me", "ok", "denver is too cold", "i live in the middle of nowhere"]
)
def test_a_postal_code_alone_or_a_place_in_any_sentence_is_not_guessed(typed: str) -> None:
    assert lookup(typed).zone is None


def test_a_place_among_other_words_is_not_an_answer_where_words_must_reach_a_person() -> None:
    assert lookup("im in phoenix az this week for work", sentence=False).zone is None
    assert lookup("phoenix az", sentence=False).zone == "America/Phoenix"


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("me mudé a bogotá", "America/Bogota"),  # newcomer16 N135
        ("just moved to denver last week", "America/Denver"),
        ("ahora vivo en Lima", "America/Lima"),
        ("me mudé a bogotá hace poco", "America/Bogota"),
        ("we moved back to chicago", "America/Chicago"),
        ("I've been living in Boise now", "America/Boise"),
    ],
)
def test_a_move_is_read_as_the_place_even_where_words_must_reach_a_person(typed: str, zone: str) -> None:
    assert lookup(typed, sentence=False).zone == zone


@pytest.mark.parametrize("typed", ["moved", "ya", "a", "now", "la semana pasada", "just moved last week"])
def test_lead_in_and_when_words_alone_are_no_place(typed: str) -> None:
    assert lookup(typed).zone is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("visiting my mom in honolulu this week", "Pacific/Honolulu"),  # newcomer18 N168
        ("staying with my sister in phoenix for a while", "America/Phoenix"),
        ("honolulu this week", "Pacific/Honolulu"),
    ],
)
def test_a_place_after_the_last_in_is_read_in_a_sentence(typed: str, zone: str) -> None:
    assert lookup(typed).zone == zone
