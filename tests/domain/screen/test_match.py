"""Unit tests for matching (bot/domain/screen/match.py): slots in order within a window, negation's
reach, words after the match, third person and framing, and one reason per frame however long the text.

Frames and a lexicon of their own keep each test about the matcher, not about the shipped rules.
"""

from __future__ import annotations

from bot.domain.screen.frame_index import Slot
from bot.domain.screen.match import _framing, _match, _third_person, fired
from bot.domain.screen.rules import Rules, parse
from bot.domain.screen.tag import tag

LEXICON = """
[concept.DESIRE]
en = ["want"]
es = []
[concept.DIE]
en = ["die"]
es = []
[concept.NEG]
en = ["not", "never"]
es = []
[concept.FIRST]
en = ["i"]
es = []
[concept.THIRD]
en = ["he", "friend"]
es = []
[concept.ME]
en = ["me"]
es = []
[concept.DIE_IDIOM]
en = ["laughing"]
es = []
[concept.HIST]
en = ["ago"]
es = []
[concept.YEARS]
en = []
es = []
[concept.AGO]
en = []
es = []
[concept.HACE]
en = []
es = []
[concept.HYPO]
en = ["hypothetically"]
es = []
[concept.USE]
en = ["drank"]
es = []
[concept.WHEN]
en = ["tonight"]
es = []
[concept.FAREWELL]
en = ["goodbye"]
es = []
"""

FRAMES = """
[composition]
need = 2
sentences = 2
weak = ["when"]

[[frame]]
name = "wish"
level = "crisis"
slots = ["DESIRE", "DIE"]
window = 3
after = "DIE_IDIOM"

[[frame]]
name = "use"
level = "relapse"
slots = ["USE"]

[[frame]]
name = "when"
level = "signal"
slots = ["WHEN"]

[[frame]]
name = "farewell"
level = "signal"
slots = ["FAREWELL"]
"""


def _rules() -> Rules:
    return parse(LEXICON, FRAMES)


def _fired(text: str) -> dict[str, int]:
    rules = _rules()
    lang, clauses = tag(text, rules)
    return fired(clauses, lang, rules)


def test_slots_in_order_within_the_window() -> None:
    assert _fired("i want to die") == {"crisis:wish": 4}
    assert _fired("i want to go and die") == {}  # four words apart: outside the window of 3
    assert _fired("die, i want") == {}  # the wrong order (and another clause)


def test_a_negation_before_or_inside_the_match_cancels_it_and_one_after_does_not() -> None:
    assert _fired("i do not want to die") == {}
    assert _fired("i want never die") == {}
    assert _fired("i want to die, not joking") == {"crisis:wish": 4}


def test_a_word_after_the_match_can_make_it_an_idiom() -> None:
    assert _fired("i want to die laughing") == {}


def test_someone_else_as_subject_lowers_a_crisis_to_check_and_drops_a_relapse() -> None:
    assert _fired("he said he want to die") == {"check:wish.third_person": 3}
    assert _fired("my friend drank") == {}
    assert _fired("i drank") == {"relapse:use": 2}


def test_historical_and_hypothetical_framing_lower_a_crisis_to_check() -> None:
    assert _fired("long ago i want to die") == {"check:wish.historical": 3}
    assert _fired("hypothetically i want to die") == {"check:wish.hypothetical": 3}
    assert _framing({"YEARS", "HACE"}) == "historical"
    assert _framing(set()) == ""


def test_one_reason_per_frame_however_often_it_fires() -> None:
    assert _fired(". ".join(["i want to die"] * 200)) == {"crisis:wish": 4}


def test_two_signal_families_within_the_span_make_a_crisis_and_weak_alone_does_not() -> None:
    assert _fired("goodbye. tonight") == {"crisis:signals.farewell+when": 4}
    assert _fired("goodbye. a. b. tonight") == {}  # three sentences apart: outside the span of 2
    assert _fired("tonight. tonight") == {}


def test_match_takes_the_nearest_place_of_each_slot_after_the_previous() -> None:
    a, b, c = (Slot(n, frozenset({name})) for n, name in enumerate("ABC"))
    words = [frozenset(w) for w in ("A", "", "B", "C", "", "B", "C", "A", "")]
    assert _match((a, b, c), words, 0, 6) == [0, 2, 3]
    assert _match((a, c, b), words, 0, 6) == [0, 3, 5]
    assert _match((a, b), words, 7, 6) is None  # none after the start
    assert _match((c, a), words, 3, 3) is None  # past the window (the A at 7)
    assert _match((c, a), words, 3, 4) == [3, 7]
    assert _match((b, a), words, 2, 6) == [2, 7]  # only after the first slot (not the A at 0)
    both = [frozenset({"A", "B"}), frozenset({"C"})]  # "matarme": one word, two slots
    assert _match((a, b, c), both, 0, 6) == [0, 0, 1]


def test_third_person_is_the_nearest_subject_before_the_match() -> None:
    me, he, other = frozenset({"FIRST"}), frozenset({"THIRD"}), frozenset[str]()
    assert _third_person([he, other, other], [1, 2], "en")
    assert not _third_person([he, me, other, other], [2, 3], "en")  # "he said i ..."
    assert not _third_person([he, other, me], [1, 2], "en")  # the speaker inside the match
