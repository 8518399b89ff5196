"""Coping skills data and the rules for suggesting one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.domain.coping import (
    TAGS,
    Feedback,
    Skill,
    grounding_skill,
    load_skills,
    skill_of_the_day,
    suggest,
)

SKILLS = load_skills()
AT = datetime(2026, 5, 4, 20, 0, tzinfo=UTC)


def skill(key: str, *tags: str) -> Skill:
    return Skill(key, key.title(), "CBT", tags, ("Breathe.", "Notice.", "Continue."))


CRAVING = {s.key: s for s in (skill("a", "craving"), skill("b", "craving"), skill("c", "craving"))}
MIXED = {**CRAVING, "d": skill("d", "sleep"), "e": skill("e", "anxiety")}


def test_the_shipped_skills_are_valid_and_cover_every_tag() -> None:
    assert len(SKILLS) >= 28
    assert {tag for s in SKILLS.values() for tag in s.tags} == set(TAGS)
    assert {s.source for s in SKILLS.values()} == {"DBT", "CBT", "Relapse prevention", "Mindfulness"}
    for s in SKILLS.values():
        assert 3 <= len(s.steps) <= 6, s.key
        assert all(len(step) <= 220 for step in s.steps), s.key


def test_the_shipped_skills_include_the_core_program_skills() -> None:
    for key in (
        "box_breathing",
        "urge_surfing",
        "halt_check",
        "tipp",
        "stop_skill",
        "dear_man",
        "breathing_478",
    ):
        assert key in SKILLS
    assert "heart" in " ".join(SKILLS["tipp"].steps)


def test_sos_shows_the_5_4_3_2_1_grounding_skill() -> None:
    assert grounding_skill(SKILLS).key == "grounding_54321"
    with pytest.raises(LookupError):
        grounding_skill(CRAVING)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('key="x"\nname="X"\nsource="CBT"\ntags=["worry"]\nsteps=["a"]', "'x': tags"),
        ('key="x"\nname="X"\nsource="CBT"\ntags=["sleep"]\nsteps=[]', "'x': steps"),
        ('key="x"\nname="X"\nsource="Yoga"\ntags=["sleep"]\nsteps=["a"]', "'x': source"),
    ],
)
def test_bad_skill_data_is_refused_naming_the_skill(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "skills.toml"
    path.write_text(f"[[skill]]\n{body}\ngrounding=true\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_skills(path)


def test_duplicate_keys_and_a_missing_grounding_skill_are_refused(tmp_path: Path) -> None:
    one = '[[skill]]\nkey="x"\nname="X"\nsource="CBT"\ntags=["sleep"]\nsteps=["a"]\n'
    path = tmp_path / "skills.toml"
    path.write_text(one + "grounding=true\n" + one, encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate"):
        load_skills(path)
    path.write_text(one, encoding="utf-8")
    with pytest.raises(ValueError, match="grounding"):
        load_skills(path)


def test_it_suggests_a_skill_matching_the_tags() -> None:
    for seed in range(20):
        assert "craving" in suggest(MIXED, ["craving"], [], seed=seed).tags


def test_it_prefers_what_helped_this_patient_before() -> None:
    feedback = [Feedback("b", "yes", AT), Feedback("a", "somewhat", AT)]
    assert all(suggest(CRAVING, ["craving"], feedback, seed=s).key == "b" for s in range(20))
    assert suggest(CRAVING, ["craving"], feedback, exclude=["b"]).key == "a"


def test_it_avoids_a_skill_that_did_not_help() -> None:
    feedback = [Feedback("a", "no", AT), Feedback("b", "no", AT)]
    assert all(suggest(CRAVING, ["craving"], feedback, seed=s).key == "c" for s in range(20))


def test_recent_feedback_weighs_more_than_old_feedback() -> None:
    old, recent = AT - timedelta(days=60), AT
    feedback = [Feedback("a", "yes", old), Feedback("a", "no", recent), Feedback("b", "somewhat", recent)]
    assert suggest(CRAVING, ["craving"], feedback).key == "b"
    changed_mind = [Feedback("a", "no", old), Feedback("a", "yes", recent), Feedback("b", "somewhat", recent)]
    assert suggest(CRAVING, ["craving"], changed_mind).key == "a"


def test_it_is_deterministic_for_a_seed_and_varies_across_seeds() -> None:
    picks = [suggest(SKILLS, ["anxiety"], [], seed=s).key for s in range(30)]
    assert picks == [suggest(SKILLS, ["anxiety"], [], seed=s).key for s in range(30)]
    assert len(set(picks)) > 3


def test_it_never_repeats_an_excluded_skill_unless_nothing_else_is_left() -> None:
    assert suggest(MIXED, ["craving"], [], exclude=["a", "b", "c"]).key in {"d", "e"}
    assert suggest(CRAVING, ["craving"], [], exclude=["a", "b", "c"]).key in CRAVING


def test_with_no_tags_it_still_suggests_something() -> None:
    assert suggest(MIXED, [], []).key in MIXED


def test_skill_of_the_day_follows_the_cohort_focus() -> None:
    for day in range(10):
        pick = skill_of_the_day(
            SKILLS, focus="urge_surfing", local_day=date(2026, 5, day + 1), patient_key="p1"
        )
        assert pick.key == "urge_surfing"


def test_skill_of_the_day_rotates_per_patient_and_day_without_a_focus() -> None:
    days = [date(2026, 5, 1) + timedelta(days=i) for i in range(len(SKILLS))]
    picks = [skill_of_the_day(SKILLS, focus=None, local_day=d, patient_key="p1").key for d in days]
    assert sorted(picks) == sorted(SKILLS)  # every skill once before any repeats
    assert picks[0] == skill_of_the_day(SKILLS, focus=None, local_day=days[0], patient_key="p1").key
    others = [
        skill_of_the_day(SKILLS, focus=None, local_day=days[0], patient_key=f"p{i}").key for i in range(10)
    ]
    assert len(set(others)) > 1


def test_an_unknown_focus_falls_back_to_the_rotation() -> None:
    day = date(2026, 5, 1)
    expected = skill_of_the_day(SKILLS, focus=None, local_day=day, patient_key="p1")
    assert skill_of_the_day(SKILLS, focus="retired_skill", local_day=day, patient_key="p1") == expected
