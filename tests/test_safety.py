"""Crisis-language screening against a labelled set, plus the rules that matter most."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.safety import assess, screen_stream

LABELLED = Path(__file__).parent / "data" / "safety_labelled.tsv"


def _rows() -> list[tuple[str, str]]:
    lines = LABELLED.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


def test_the_labelled_set_meets_the_quality_bar(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    crisis = [t for level, t in rows if level == "crisis"]
    benign = [t for level, t in rows if level == "none"]
    recall = sum(assess(t).level == "crisis" for t in crisis) / len(crisis)
    false_alarm = sum(assess(t).level == "crisis" for t in benign) / len(benign)
    accuracy = sum(assess(t).level == level for level, t in rows) / len(rows)
    with capsys.disabled():
        print(
            f"\nsafety screen on {len(rows)} labelled messages: crisis recall {recall:.1%}, "
            f"benign flagged as crisis {false_alarm:.1%}, overall agreement {accuracy:.1%}"
        )
    assert len(rows) >= 150
    assert recall >= 0.98 and false_alarm <= 0.05


@pytest.mark.parametrize(
    "text",
    ["everyone would be better off without me", "go to sleep and never wake up", "kms", "unalive myself"],
)
def test_indirect_and_coded_suicidal_language_is_a_crisis(text: str) -> None:
    assert assess(text).level == "crisis"


@pytest.mark.parametrize(
    "text",
    ["k1ll mys3lf", "I want to diiiie", "sucidal", "i want\u200b to die", "I\u2019m going to kill myself"],
)
def test_misspelled_stretched_and_disguised_words_are_caught(text: str) -> None:
    assert assess(text).level == "crisis"


@pytest.mark.parametrize(
    "text", ["this traffic is killing me", "I'd kill for a coffee", "dead tired", "I killed it today"]
)
def test_benign_idioms_are_left_alone(text: str) -> None:
    assert assess(text).level == "none"


def test_a_plain_denial_is_not_a_crisis_but_a_denial_with_a_wish_to_die_is() -> None:
    assert assess("I'm not suicidal, just tired").level == "none"
    assert assess("I don't know, I want to die").level == "crisis"


def test_use_now_is_a_relapse_and_sobriety_is_not() -> None:
    assert assess("I used last night").reasons == ("use_now",)
    assert assess("30 days clean, haven't used").level == "none"


def test_screen_prints_one_json_object_per_line() -> None:
    out = io.StringIO()
    screen_stream(io.StringIO("I want to die\nnice day\n"), out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [{"level": "crisis", "reasons": ["suicidal_ideation"]}, {"level": "none", "reasons": []}]
