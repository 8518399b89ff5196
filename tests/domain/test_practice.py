"""Skill walk-throughs as pure state: moves, button data, and the stored run state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from bot.domain.coping import Feedback, Skill, load_skills
from bot.domain.models import Patient
from bot.domain.practice import Press, Run, advance, asking, data, hhmm, parse, parse_hhmm, start, switch
from bot.store.repository import Repository

BREATH = Skill("box_breathing", "Box breathing", "Mindfulness", ("anxiety",), ("In", "Hold", "Out"))
WALK = Skill("walk", "Take a walk", "CBT", ("low_mood",), ("Shoes on", "Go"))
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_a_run_starts_at_the_first_step_with_the_skills_own_tags() -> None:
    run = start("ab12cd34", BREATH, "cope")
    assert (run.step, run.tags, run.offered) == (0, ("anxiety",), ("box_breathing",))
    assert start("ab12cd34", BREATH, "cope", ("craving",)).tags == ("craving",)


def test_advancing_past_the_last_step_asks_how_it_went_and_stays_there() -> None:
    run = start("ab12cd34", BREATH, "practice")
    for _ in range(3):
        assert not asking(run, BREATH)
        run = advance(run, BREATH)
    assert asking(run, BREATH) and run.step == 3
    assert advance(run, BREATH).step == 3


def test_switching_skill_restarts_at_step_one_and_remembers_what_was_offered() -> None:
    run = switch(advance(start("ab12cd34", BREATH, "cope"), BREATH), WALK)
    assert (run.skill_key, run.step, run.offered) == ("walk", 0, ("box_breathing", "walk"))


def test_a_run_survives_the_store_round_trip() -> None:
    run = start("ab12cd34", BREATH, "practice", ("anxiety",), source=42)
    assert Run.from_dict(run.to_dict()) == run


def test_button_data_parses_back_to_what_it_means() -> None:
    assert parse(data("t", "low_mood")) == Press("tag", "low_mood")
    assert parse(data("go", "box_breathing")) == Press("go", "box_breathing")
    assert parse(data("p", "box_breathing")) == Press("practice", "box_breathing")
    assert parse(data("no")) == Press("no")
    assert parse(data("n", "ab12cd34", 3)) == Press("next", "", "ab12cd34", 3)
    assert parse(data("h", "ab12cd34", 5, "s")) == Press("helped", "s", "ab12cd34", 5)
    assert parse(data("pt", "2030")) == Press("time", "2030")
    assert parse(data("pt", "off")) == Press("time", "off")


@pytest.mark.parametrize(
    "raw", ["cope:t:joy", "cope:n:xyz:1", "cope:h:ab12cd34:1:maybe", "cope:pt:2560", "ci:start", "cope:"]
)
def test_forged_or_malformed_button_data_means_nothing(raw: str) -> None:
    assert parse(raw) is None


def test_every_skill_key_fits_in_button_data() -> None:
    for key in load_skills():
        assert parse(data("go", key)) == Press("go", key)


def test_practice_times_round_trip_through_button_data() -> None:
    assert parse_hhmm(hhmm(time(7, 30))) == time(7, 30)
    assert parse_hhmm("2400") is None and parse_hhmm("7:30") is None


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    store = Repository(tmp_path)
    yield store
    store.close()


def test_a_double_tap_moves_a_run_on_once(repo: Repository) -> None:
    run = start("ab12cd34", BREATH, "cope")
    assert repo.start_practice("p1", run.to_dict())
    moved = advance(run, BREATH).to_dict()
    assert repo.step_practice("p1", run.run_id, 0, moved) == "ok"
    assert repo.step_practice("p1", run.run_id, 0, moved) == "moved"
    assert repo.practice_run("p1") == moved


def test_feedback_is_stored_once_however_often_it_is_tapped(repo: Repository) -> None:
    run = Run("ab12cd34", "box_breathing", "cope", step=3)
    repo.start_practice("p1", run.to_dict())
    said = Feedback("box_breathing", "yes", NOW)
    assert repo.step_practice("p1", run.run_id, 3, None, said) == "ok"
    assert repo.step_practice("p1", run.run_id, 3, None, said) == "done"
    assert repo.coping_feedback("p1") == [said]
    assert repo.practice_run("p1") is None


def test_a_newer_run_makes_the_older_ones_buttons_stale(repo: Repository) -> None:
    repo.start_practice("p1", start("aaaaaaaa", BREATH, "cope").to_dict())
    repo.start_practice("p1", start("bbbbbbbb", WALK, "cope").to_dict())
    assert repo.step_practice("p1", "aaaaaaaa", 0, None, Feedback("box_breathing", "no", NOW)) == "gone"
    assert repo.coping_feedback("p1") == []


def test_the_same_start_button_tapped_twice_starts_one_run(repo: Repository) -> None:
    assert repo.start_practice("p1", start("aaaaaaaa", BREATH, "cope", source=7).to_dict())
    assert not repo.start_practice("p1", start("bbbbbbbb", BREATH, "cope", source=7).to_dict())
    assert repo.close_practice("p1") and not repo.close_practice("p1")


def test_practice_time_and_cohort_focus_are_remembered(repo: Repository) -> None:
    repo.save_patient(Patient("p1", 2001, "Alex", 1001, NOW, NOW))
    assert repo.practice_time("p1") is None
    repo.set_practice_time("p1", time(20, 0))
    assert repo.practice_time("p1") == time(20, 0)
    repo.set_cohort_focus("Evening", "box_breathing", NOW)
    repo.set_cohort_focus("Evening", "walk", NOW)
    assert repo.cohort_focus("Evening") == "walk" and repo.cohort_focus("Morning") is None
    repo.set_cohort_focus("Evening", None, NOW)
    assert repo.cohort_focus("Evening") is None
