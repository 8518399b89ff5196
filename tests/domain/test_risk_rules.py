"""The check-in risk rules as data: conditions, urgency, strict loading, and doctor's check."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.admin.doctor_risk import risk_rules_check
from bot.config.resources import read_program_file
from bot.config.settings import Settings
from bot.domain.checkins import Entry
from bot.domain.flag_rules import checkin_flags, load_flag_rules, present_crisis
from bot.domain.triage import default_flag_rules


def _kinds(**answers: object) -> list[str]:
    return [r.kind for r in checkin_flags(answers, default_flag_rules())]


def test_the_defaults_use_with_craving_8_or_mood_2_is_urgent_use_alone_is_soon() -> None:
    rules = {r.kind: r for r in default_flag_rules().rules}
    assert _kinds(mood=1, craving=9, used=1) == [
        "use_high_craving", "use_low_mood", "use_reported", "high_craving", "low_mood",
    ]  # fmt: skip
    assert [k for k in _kinds(mood=6, craving=8, used=1) if rules[k].urgent] == ["use_high_craving"]
    assert [k for k in _kinds(mood=2, craving=0, used=1) if rules[k].urgent] == ["use_low_mood"]
    assert _kinds(mood=6, craving=3, used=1) == ["use_reported"] and not rules["use_reported"].urgent
    assert _kinds(mood=None, craving=None, used=None, medication=0) == ["missed_meds"]
    assert _kinds(mood=True, craving=9) == ["high_craving"]  # a bool is not a number on a scale


def test_a_mistyped_rule_stops_loading_with_its_name(tmp_path: Path) -> None:
    shipped = read_program_file("flag_rules.toml")
    for bad, message in [
        (shipped.replace('urgency = "urgent"', 'urgency = "asap"', 1), "urgency"),
        (shipped.replace('"craving >= 8"', '"craving > 8"'), "condition"),
        (shipped.replace('urgency = "urgent"', 'urgncy = "urgent"', 1), "unknown setting"),
    ]:
        path = tmp_path / "rules.toml"
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            load_flag_rules(path)


def test_a_plan_step_is_a_crisis_now_only_with_present_tense_words() -> None:
    rules = default_flag_rules()
    assert present_crisis("I have the pills here now", rules)
    assert not present_crisis("thinking everyone would be better off without me", rules)
    # Spanish (newcomer4 finding 19): a crisis now still pages; a warning sign is still only saved.
    assert present_crisis("esta noche me voy a matar, ya tengo la pistola aquí", rules)
    assert present_crisis("la neta ahorita tengo las pastillas en la mano", rules)
    assert not present_crisis("pensar que todos estarían mejor sin mí", rules)
    assert not present_crisis("cuando dejo de contestar el teléfono y no duermo", rules)
    # An act already done or a farewell said to people (newcomer6 finding 35), not a thought or a habit.
    for now in (
        "i took all my pills about 20 min ago",
        "swallowed the whole bottle of my seroquel earlier",
        "wrote my note, its on the table",
        "sorry everyone. i love you all. take care of my cat",
        "ya me despedí de todos, hoy es el día",
        "me despedí de mis hijos ayer, ya tengo todo listo",
        "me tomé todas las pastillas hace 20 minutos",
    ):
        assert present_crisis(now, rules), now
    for sign in (
        "when i think about taking all my pills",
        "wanting to overdose, drinking alone",
        "saving up pills",
    ):
        assert not present_crisis(sign, rules), sign
    assert "naloxone" in rules.harm_reduction


def test_doctor_fails_on_a_rule_that_can_never_fire(tmp_path: Path) -> None:
    ok = [f.line() for f in risk_rules_check(Settings())]
    assert ok == ["ok   risk rules: 2 urgent and 4 soon check-in rules"]
    path = tmp_path / "rules.toml"
    path.write_text(read_program_file("flag_rules.toml").replace("mood <= 3", "moood <= 3"), encoding="utf-8")
    (line,) = [f.line() for f in risk_rules_check(Settings(data_files={"flag_rules.toml": path}))]
    assert line.startswith("FAIL risk rules: low_mood name check-in items that are not asked")


def test_doctor_fails_on_a_threshold_outside_the_items_scale(tmp_path: Path) -> None:
    """newcomer9 N46: "craving >= 11" on a 0-10 item passed doctor, and the urgent page never came."""
    shipped = read_program_file("flag_rules.toml")
    for bad, said in [
        (
            shipped.replace('"craving >= 8"', '"craving >= 11"'),
            "use_high_craving (used == 1, craving >= 11; ",
        ),
        (shipped.replace("mood <= 3", "mood <= -1"), "low_mood (mood <= -1; mood is 0-10)"),
    ]:
        path = tmp_path / "rules.toml"
        path.write_text(bad, encoding="utf-8")
        (line,) = [f.line() for f in risk_rules_check(Settings(data_files={"flag_rules.toml": path}))]
        assert line.startswith("FAIL risk rules: ") and said in line and "they never fire" in line, line
    assert "craving is 0-10, used is 0 or 1" in risk_line(
        shipped.replace('"craving >= 8"', '"craving >= 11"'), tmp_path
    )
    assert risk_line(shipped.replace('"craving >= 8"', '"craving >= 10"'), tmp_path).startswith("ok ")


def risk_line(rules: str, tmp_path: Path) -> str:
    path = tmp_path / "rules.toml"
    path.write_text(rules, encoding="utf-8")
    (line,) = [f.line() for f in risk_rules_check(Settings(data_files={"flag_rules.toml": path}))]
    return line


def test_conditions_on_one_item_that_no_answer_meets_together_never_fire() -> None:
    from bot.domain.flag_rules import Condition, FlagRules, Rule, out_of_scale

    def rules(*conditions: Condition) -> FlagRules:
        return FlagRules((Rule("r", "r", conditions),), {}, {})

    scale = {"craving": range(11), "used": [0, 1]}
    assert out_of_scale(rules(Condition("craving", ">=", 8), Condition("craving", "<=", 3)), scale) == ["r"]
    assert out_of_scale(rules(Condition("craving", ">=", 3), Condition("craving", "<=", 8)), scale) == []
    assert out_of_scale(rules(Condition("used", "==", 2)), scale) == ["r"]
    assert out_of_scale(rules(Condition("moood", "==", 2)), scale) == []  # unknown_items names it


def test_an_entry_object_and_a_mapping_flag_alike() -> None:
    from datetime import UTC, date, datetime

    entry = Entry("e", datetime(2026, 1, 1, tzinfo=UTC), date(2026, 1, 1), {"used": 1, "craving": 9})
    assert _kinds(**entry.answers)[0] == "use_high_craving"


def test_every_crisis_alert_kind_sorts_at_the_top_even_from_an_older_clinic_copy(tmp_path: Path) -> None:
    """A clinic's copy without the newer kinds would weigh an abuse alert like a late arrival (10)."""
    from typing import get_args

    from bot.domain.crisis_kind import CrisisKind

    shipped = read_program_file("flag_rules.toml")
    old = "\n".join(
        line
        for line in shipped.splitlines()
        if not line.startswith(("overdose", "self_harm", "abuse", "harm_others"))
    )
    path = tmp_path / "rules.toml"
    path.write_text(old, encoding="utf-8")
    for rules in (default_flag_rules(), load_flag_rules(path)):
        for kind in get_args(CrisisKind):
            assert rules.weights.get(kind, 10) >= 100, kind
            assert "_" not in rules.label(kind), kind
