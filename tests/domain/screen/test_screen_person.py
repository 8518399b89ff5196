"""Who the screen thinks is speaking, which language it reads, and that its reasons never depend on the process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("quiero morir", Level.CRISIS),
        ("mi hermano se quiere morir", Level.CHECK),  # Spanish verbs carry their person: "quiere" is he
        ("quiere morir, dice mi amiga", Level.CHECK),
        ("el profe me va a matar si no entrego la tarea", Level.CHECK),  # "me" is the object: not the speaker
    ],
)
def test_a_spanish_verb_says_who_its_subject_is(text: str, level: Level) -> None:
    assert assess(text).level == level


@pytest.mark.parametrize(
    "text",
    [
        "set everything up for my kids for when i'm gone",
        "i know where my dad keeps his gun and i've been thinking about it",
    ],
)
def test_the_speaker_inside_the_match_outweighs_someone_named_before_it(text: str) -> None:
    assert assess(text).level == Level.CRISIS


def test_a_text_without_function_words_is_read_in_the_language_its_words_belong_to() -> None:
    result = assess("prefiero estar muerta")
    assert (result.level, result.language) == (Level.CRISIS, "es")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i cut myself with a knife last night", Level.CRISIS),  # a knife is not an accident
        ("i slit my wrist with a knife", Level.CRISIS),
        ("cut my finger with a knife cooking", Level.NONE),
    ],
)
def test_a_knife_does_not_make_self_harm_an_accident(text: str, level: Level) -> None:
    assert assess(text).level == level


_PRINT_REASONS = (
    "from bot.domain.screen.lemmas import wait_loaded; wait_loaded(None); "
    "from bot.domain.screen.assess import assess; "
    "print(assess('been using again for about a week me tomé unas pastillas de mi mamá').reasons)"
)


@pytest.mark.slow
def test_the_same_text_gets_the_same_reasons_in_every_process() -> None:
    # Reasons once followed the string hash seed (set iteration), so a restart could change them. The two
    # processes run side by side: each spends its time loading the dictionaries, not waiting on the other.
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _PRINT_REASONS],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in ("1", "2")
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    seen = {out for out, _ in outs}
    assert len(seen) == 1 and "'" in next(iter(seen)), seen
