"""Crisis-language screening against a labelled set, plus the rules that matter most."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.resources import read_program_file
from bot.safety import FILE, Assessment, Level, assess, load_patterns, screen_stream

LABELLED = Path(__file__).parent / "data" / "safety_labelled.tsv"
_LABELS = {level.value: level for level in Level}


def _rows() -> list[tuple[Level, str]]:
    rows: list[tuple[Level, str]] = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((_LABELS[label], text))
    return rows


def test_the_labelled_set_meets_the_quality_bar(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    crisis = [t for level, t in rows if level == Level.CRISIS]
    benign = [t for level, t in rows if level == Level.NONE]
    missed = [t for t in crisis if assess(t).level != Level.CRISIS]
    recall = 1 - len(missed) / len(crisis)
    false_alarm = sum(assess(t).level == Level.CRISIS for t in benign) / len(benign)
    wrong = [(level, t) for level, t in rows if assess(t).level != level]
    accuracy = 1 - len(wrong) / len(rows)
    with capsys.disabled():
        print(
            f"\nsafety screen on {len(rows)} labelled messages: crisis recall {recall:.1%}, "
            f"benign flagged as crisis {false_alarm:.1%}, overall agreement {accuracy:.1%}"
        )
    assert missed == []
    assert false_alarm <= 0.05
    assert accuracy >= 0.95, wrong


def test_the_labelled_set_is_big_and_balanced_enough_to_mean_something() -> None:
    levels = [level for level, _ in _rows()]
    assert len(levels) >= 150
    assert levels.count(Level.CRISIS) >= 50
    assert levels.count(Level.RELAPSE) + levels.count(Level.CRAVING) >= 40
    assert levels.count(Level.NONE) >= 60


def test_a_plain_statement_of_wanting_to_die_is_a_crisis() -> None:
    assert assess("I want to die") == Assessment(Level.CRISIS, ("crisis:suicidal_ideation",))


@pytest.mark.parametrize(
    "text",
    [
        "everyone would be better off without me",
        "go to sleep and never wake up",
        "kms",
        "kys",
        "unalive myself",
    ],
)
def test_indirect_and_coded_suicidal_language_is_a_crisis(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "k1ll mys3lf",
        "I want to diiiie",
        "sucidal",
        "su1cidal",
        "i want\u200b to die",
        "I\u2019m going to kill myself",
        "I WANT   TO\tDIE",
        "ｋｉｌｌ ｍｙｓｅｌｆ",
        "want 2 die",
    ],
)
def test_misspelled_stretched_and_disguised_words_are_caught(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize("text", ["I took all my pills", "I've been stockpiling my meds", "i'm going to od"])
def test_overdose_intent_is_a_crisis(text: str) -> None:
    assert "crisis:overdose" in assess(text).reasons


@pytest.mark.parametrize("text", ["I want to hurt myself", "gonna cut tonight", "I cut again last night"])
def test_self_harm_is_a_crisis(text: str) -> None:
    assert assess(text) == Assessment(Level.CRISIS, ("crisis:self_harm",))


@pytest.mark.parametrize(
    "text",
    [
        "this traffic is killing me",
        "I'd kill for a coffee",
        "dead tired",
        "I killed it today",
        "I killed it at work today",
        "dying to see the movie",
        "I nearly died laughing",
        "I'm going to cut back on coffee",
    ],
)
def test_benign_idioms_are_left_alone(text: str) -> None:
    assert assess(text).level == Level.NONE


def test_a_plain_denial_is_not_a_crisis_but_a_denial_with_a_wish_to_die_is() -> None:
    assert assess("I'm not suicidal, just tired").level == Level.NONE
    assert assess("I don't know, I want to die").level == Level.CRISIS
    assert assess("I'm not suicidal but I want to die").level == Level.CRISIS


def test_a_denial_taken_back_with_jk_is_a_crisis() -> None:
    assert assess("I'm not going to kill myself lol jk I am").level == Level.CRISIS


def test_saying_you_are_not_safe_is_a_crisis_even_though_it_contains_not() -> None:
    assert assess("I'm not safe right now").reasons == ("crisis:not_safe",)
    assert assess("I don't feel safe driving in snow").level == Level.NONE


def test_use_now_is_a_relapse_and_sobriety_is_not() -> None:
    assert assess("I used last night").reasons == ("relapse:use",)
    assert assess("30 days clean, haven't used").level == Level.NONE


def test_strong_cravings_and_urges_to_use_are_cravings_not_relapses_and_craving_food_is_nothing() -> None:
    assert assess("my urges are crazy today").level == Level.CRAVING
    assert assess("I want to use so bad").reasons == ("craving:urge",)
    assert assess("I'm craving pizza").level == Level.NONE


def test_crisis_outranks_relapse_and_lower_level_reasons_are_kept() -> None:
    both = assess("I relapsed and I want to die")
    assert both == Assessment(Level.CRISIS, ("crisis:suicidal_ideation", "relapse:use"))
    assert both.has(Level.CRISIS) and both.has("relapse") and not both.has(Level.CHECK)


def test_levels_order_by_severity_and_compare_equal_to_their_names() -> None:
    assert Level.NONE < Level.CRAVING < Level.RELAPSE < Level.CHECK < Level.CRISIS
    assert max(Level.CRISIS, Level.NONE, Level.RELAPSE) is Level.CRISIS
    assert Level.CHECK >= "relapse" and not Level.CRAVING > "relapse"
    as_text: str = Level.CRISIS
    assert as_text == "crisis" and str(Level.RELAPSE) == "relapse"
    assert [level.rank for level in Level] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200b", "🙂🙂🙂", "<b>hi</b>", "1e309"])
def test_empty_or_symbol_only_text_is_not_flagged(text: str) -> None:
    assert assess(text) == Assessment(Level.NONE, ())


def test_a_long_message_with_crisis_language_at_the_end_is_still_caught() -> None:
    assert assess("x" * 4000 + " i want to die").level == Level.CRISIS


def test_load_patterns_reads_the_shipped_file_and_names_a_bad_pattern(tmp_path: Path) -> None:
    assert any(c.name == "suicidal_ideation" for c in load_patterns().categories)
    broken = tmp_path / "patterns.toml"
    broken.write_text(read_program_file(FILE).replace("'''\\bkms\\b'''", "'''(kms'''"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"suicidal_ideation: bad pattern '\(kms'"):
        load_patterns(broken)


def test_screen_prints_one_json_object_per_line() -> None:
    out = io.StringIO()
    screen_stream(io.StringIO("I want to die\nnice day\n"), out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [
        {"level": "crisis", "reasons": ["crisis:suicidal_ideation"], "language": "en"},
        {"level": "none", "reasons": [], "language": "en"},
    ]
