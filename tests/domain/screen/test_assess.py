"""The crisis screen's behaviour on the cases that matter most (figures: tests/domain/screen/test_screen_eval.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.config.resources import read_program_file
from bot.domain.screen.assess import Assessment, Level, assess, screen_stream
from bot.domain.screen.rules import FRAMES, load


def test_a_plain_statement_of_wanting_to_die_is_a_crisis() -> None:
    assert assess("I want to die") == Assessment(Level.CRISIS, ("crisis:passive_wish",), "en")


@pytest.mark.parametrize(
    "text",
    [
        "everyone would be better off without me",
        "go to sleep and never wake up",
        "kms",
        "unalive myself",
        "taking my own life",  # an inflection of a phrase the old rules knew only as "take"
        "I'd rather be dead",
        "I hope I don't wake up tomorrow",
        "no reason to keep going",
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
        "my husband chokd me",  # one typo away from a lexicon word
        "і want to dіe",  # Cyrillic і
    ],
)
def test_misspelled_stretched_and_disguised_words_are_caught(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("I took all my pills", "crisis:overdose"),
        ("I've been stockpiling my meds", "crisis:stockpiling"),
        ("i'm going to od", "crisis:overdose_planned"),  # a plan, not a dose taken (session 15)
        ("I want to hurt myself", "crisis:self_harm"),
        ("I cut again last night", "crisis:self_harm"),
        ("there's a rope in my car and I keep thinking about it", "crisis:means_at_hand"),
        ("I'm on the bridge right now", "crisis:at_a_high_place"),
        ("I wrote goodbye letters to my kids", "crisis:goodbye_note"),
        ("I might do something to him tonight", "crisis:harm_to_others"),
        ("he choked me again", "crisis:abuse"),
        ("I'm scared for my life", "crisis:abuse"),
        ("I'm not safe right now", "crisis:not_safe"),
    ],
)
def test_each_frame_names_itself_so_a_clinician_can_see_why(text: str, reason: str) -> None:
    assert reason in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "quiero morir",
        "ya no quiero vivir",
        "me quiero matar",
        "me voy a matar",
        "mi esposo me pegó anoche",
        "me tomé todas mis pastillas",
    ],
)
def test_spanish_is_screened_the_same_way(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and result.language == "es"


@pytest.mark.parametrize(
    "text",
    [
        "this traffic is killing me",
        "I'd kill for a coffee",
        "dead tired",
        "I killed it at work today",
        "dying to see the movie",
        "I nearly died laughing",
        "I'm going to cut back on coffee",
        "I don't feel safe driving in snow",
        "I'm craving pizza",
        "30 days clean, haven't used",
        "me muero de hambre",
        "mi jefe me va a matar si llego tarde",
    ],
)
def test_benign_idioms_are_never_a_crisis(text: str) -> None:
    assert assess(text).level < Level.CRISIS


def test_negation_cancels_only_what_it_negates() -> None:
    assert assess("I'm not suicidal, just tired").level == Level.NONE
    assert assess("I don't want to die").level == Level.NONE
    assert assess("I don't know, I want to die").level == Level.CRISIS
    assert assess("I'm not suicidal but I want to die").level == Level.CRISIS
    assert assess("I'm not going to kill myself lol jk I am").level == Level.CRISIS


def test_framing_lowers_a_crisis_to_check_but_never_deletes_it() -> None:
    assert assess("five years ago I tried to kill myself").reasons == ("check:kill_self.historical",)
    assert assess("my friend said he wants to die").reasons == ("check:passive_wish.third_person",)
    assert assess("if I ever felt suicidal again what should I do").level == Level.CHECK
    assert assess("I tried to kill myself last night").level == Level.CRISIS


def test_worrying_but_ambiguous_language_is_a_check() -> None:
    assert assess("I give up").reasons == ("check:giving_up",)
    assert assess("nothing matters anymore").level == Level.CHECK
    assert assess("ya me rindo").level == Level.CHECK


def test_use_is_a_relapse_an_urge_is_a_craving_and_framing_drops_them() -> None:
    assert assess("I used heroin last night").reasons == ("relapse:use",)
    assert assess("I've been drinking all day").level == Level.RELAPSE
    assert assess("I want to use so bad").reasons == ("craving:use",)
    assert assess("my urges are crazy today").reasons == ("craving:urge",)
    assert assess("recaí el sábado").level == Level.RELAPSE
    assert assess("I used to drink a lot years ago").level == Level.NONE
    assert assess("I drank some water").level == Level.NONE


def test_every_level_that_fired_is_kept_and_the_top_one_decides() -> None:
    both = assess("I relapsed and I want to die")
    assert both.level == Level.CRISIS and both.has("relapse") and not both.has(Level.CHECK)
    assert assess("I relapsed and I give up").reasons == ("check:giving_up", "relapse:use")


def test_levels_order_by_severity_and_compare_equal_to_their_names() -> None:
    assert Level.NONE < Level.CRAVING < Level.RELAPSE < Level.CHECK < Level.CRISIS
    assert max(Level.CRISIS, Level.NONE, Level.RELAPSE) is Level.CRISIS
    assert Level.CHECK >= "relapse" and not Level.CRAVING > "relapse"
    as_text: str = Level.CRISIS
    assert as_text == "crisis" and str(Level.RELAPSE) == "relapse"
    assert [level.rank for level in Level] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200b", "🙂🙂🙂", "<b>hi</b>", "1e309"])
def test_empty_or_symbol_only_text_is_not_flagged(text: str) -> None:
    assert assess(text).level == Level.NONE and assess(text).reasons == ()


def test_a_long_message_with_crisis_language_at_the_end_is_still_caught() -> None:
    assert assess("x" * 4000 + " i want to die").level == Level.CRISIS
    assert assess("blah " * 800 + "i want to die").level == Level.CRISIS


def test_the_rules_name_a_bad_concept_instead_of_loading_silently(tmp_path: Path) -> None:
    assert any(f.name == "passive_wish" for f in load().frames)
    broken = tmp_path / "frames.toml"
    text = read_program_file(FRAMES)
    broken.write_text(text.replace('slots = ["SUICIDE"]', 'slots = ["SUICIDEE"]', 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"suicidal_thoughts.*SUICIDEE"):
        load(frames=broken)


def test_screen_prints_one_json_object_per_line() -> None:
    out = io.StringIO()
    screen_stream(io.StringIO("I want to die\nnice day\n"), out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [
        {"level": "crisis", "reasons": ["crisis:passive_wish"], "language": "en"},
        {"level": "none", "reasons": [], "language": "en"},
    ]
