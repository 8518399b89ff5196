"""A long message and the two-signal layer ([composition] close / close_reach / long_sentences): a long
check-in names times all through it, so there a time of day counts only beside another risk sign, while a
short message and a crisis sentence that names its own time are read as before."""

from __future__ import annotations

import re

import pytest

from bot.config.resources import read_program_file
from bot.domain.screen.assess import Level, assess
from bot.domain.screen.match import _compose
from bot.domain.screen.rules import FRAMES, LEXICON, Composition, parse

SCOPED = Composition(
    need=2, sentences=3, weak=frozenset({"when"}), close=frozenset({"when"}), close_reach=1, long_sentences=5
)
CRISIS = {"crisis:signals.afraid+when": 4}


def test_in_a_long_message_a_time_two_sentences_from_the_sign_is_not_a_second_signal() -> None:
    assert _compose({"afraid": {2}, "when": {4}}, set(), SCOPED, length=12) == {}
    assert _compose({"afraid": {4}, "when": {2}}, set(), SCOPED, length=12) == {}


def test_in_a_long_message_a_time_in_the_signs_sentence_or_the_next_still_composes() -> None:
    assert _compose({"afraid": {2}, "when": {3}}, set(), SCOPED, length=12) == CRISIS
    assert _compose({"afraid": {7}, "when": {7}}, set(), SCOPED, length=12) == CRISIS
    assert _compose({"afraid": {7}, "when": {1, 6}}, set(), SCOPED, length=12) == CRISIS


def test_a_short_message_is_read_as_before() -> None:
    assert _compose({"afraid": {2}, "when": {4}}, set(), SCOPED, length=5) == CRISIS
    unscoped = Composition(need=2, sentences=3, weak=frozenset({"when"}))
    assert _compose({"afraid": {2}, "when": {4}}, set(), unscoped, length=12) == CRISIS


def test_families_other_than_the_close_ones_keep_the_whole_window() -> None:
    rules = Composition(need=2, sentences=3, close=frozenset({"when"}), long_sentences=5)
    assert _compose({"afraid": {2}, "farewell": {4}}, set(), rules, length=12) == {
        "crisis:signals.afraid+farewell": 4
    }


def test_the_shipped_frames_scope_a_time_in_long_messages() -> None:
    rules = parse(read_program_file(LEXICON), read_program_file(FRAMES))
    assert "when" in rules.composition.close
    assert rules.composition.long_sentences > 0


def test_close_must_name_signal_frames() -> None:
    frames = re.sub(r"^close = \[.*\]$", 'close = ["tuesday"]', read_program_file(FRAMES), flags=re.M)
    with pytest.raises(ValueError, match="tuesday"):
        parse(read_program_file(LEXICON), frames)


def test_a_crisis_sentence_buried_in_a_long_ordinary_message_still_pages() -> None:
    ordinary = (
        "Group was fine today. I made soup for my sister. Work was slow and the bus was late again. "
        "My knee hurts from the stairs. We watched a movie after dinner. "
    )
    text = ordinary + "I have the pills saved up and tonight is the night. " + ordinary
    assert assess(text).level == Level.CRISIS
