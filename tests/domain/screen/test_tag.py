"""Unit tests for tagging (bot/domain/screen/tag.py): words to concepts, clauses and sentences.

A small lexicon of its own keeps each test about the tagger, not about the shipped word lists.
"""

from __future__ import annotations

import gc

import pytest

import bot.domain.screen.tag as tag_module
from bot.domain.screen.rules import Rules, parse
from bot.domain.screen.tag import _clitic, _typo, tag

LEXICON = """
[concept.DIE]
en = ["die", "dead"]
es = ["morir"]
[concept.DESIRE]
en = ["want"]
es = ["quiero"]
[concept.KILL]
en = ["kill", "choked"]
es = ["matar"]
[concept.ME]
en = ["me"]
es = ["me"]
[concept.MYSELF]
en = ["myself"]
es = ["me"]
[concept.REFL3]
en = []
es = ["se"]
[concept.THIRD]
en = ["he"]
es = []
[concept.OTHER_OBJ]
en = []
es = []
[concept.NEG]
en = ["not"]
es = ["no"]
[concept.BREAK]
en = ["because"]
es = []
[concept.SBREAK]
en = ["but"]
es = []
[concept.TIRED]
en = ["tired"]
es = []
[concept.BURDEN]
en = []
es = []
[phrase.en]
"dead tired" = "TIRED"
"a burden to everyone" = "BURDEN"
"a burden" = "TIRED"
"hit me up" = ""
[spelling]
wanna = "want"
"""


def _rules() -> Rules:
    return parse(LEXICON, "")


def _concepts(text: str, rules: Rules | None = None) -> list[list[set[str]]]:
    _, clauses = tag(text, rules or _rules())
    return [[set(c) for c in clause] for clause, _ in clauses]


def test_each_word_becomes_its_concepts_by_form_and_by_lemma() -> None:
    # "dying" is not in the lexicon; its dictionary form "die" is.
    assert _concepts("i want dying") == [[set(), {"DESIRE"}, {"DIE"}]]


def test_spelling_is_fixed_before_lookup() -> None:
    assert _concepts("i wanna") == [[set(), {"DESIRE"}]]


def test_punctuation_and_break_words_end_a_clause_and_sentence_ends_are_numbered() -> None:
    rules = _rules()
    _, clauses = tag("want, die. kill because dead but me", rules)
    assert [(len(c), s) for c, s in clauses] == [(1, 0), (1, 0), (1, 1), (1, 1), (1, 2)]


def test_the_longest_phrase_wins_and_replaces_its_words() -> None:
    assert _concepts("a burden to everyone") == [[{"BURDEN"}]]
    assert _concepts("a burden") == [[{"TIRED"}]]
    assert _concepts("dead tired") == [[{"TIRED"}]]  # the idiom, not DIE


def test_a_benign_idiom_counts_for_nothing() -> None:
    assert _concepts("hit me up") == [[set()]]


def test_one_typo_in_a_lexicon_word_is_forgiven_but_a_real_word_is_not_corrected() -> None:
    rules = _rules()
    assert _typo("chokd", "en", rules) == "choked"
    assert _typo("cgoked", "en", rules) == "choked"
    assert _typo("poked", "en", rules) == "poked"  # a word the dictionary knows stays itself
    assert _typo("kil", "en", rules) == "kil"  # too short to guess


def test_spanish_glued_pronouns_say_who_the_verb_is_for() -> None:
    assert _clitic("matarme", "matar") == {"ME", "MYSELF"}
    assert _clitic("matarse", "matar") == {"REFL3", "THIRD"}
    assert _clitic("matarlo", "matar") == {"OTHER_OBJ"}
    assert _clitic("matar", "matar") == set()


def test_spanish_is_recognised_and_tagged_with_its_own_words() -> None:
    lang, clauses = tag("no quiero morir", _rules())
    assert lang == "es"
    assert [set(c) for c in clauses[0][0]] == [{"NEG"}, {"DESIRE"}, {"DIE"}]


def test_a_text_the_function_words_leave_undecided_goes_by_the_dictionaries() -> None:
    assert tag("prefiero estar muerta", _rules())[0] == "es"
    assert tag("dead", _rules())[0] == "en"


def test_each_word_is_looked_up_once_and_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _rules()
    tag("want die", rules)
    word, number = rules.memo["en"]["want"]
    assert (word, tag_module.SETS[number]) == ("want", frozenset({"DESIRE"}))
    monkeypatch.setattr(tag_module, "_MEMO_SIZE", 3)
    tag("one two three four five", rules)
    assert len(rules.memo["en"]) <= 3
    # the oldest went first, found by the order kept beside the memo (text.make_room)
    assert "five" in rules.memo["en"] and "one" not in rules.memo["en"]
    assert list(rules.memo_order["en"]) == list(rules.memo["en"])


def test_the_memo_holds_nothing_the_collector_walks_and_one_set_per_kind() -> None:
    """A memo entry is (spelling, number of its concept set): the garbage collector stops tracking it, and
    the words of one concept set share that set (20,000 entries held 20,000 sets, half of them empty, all
    walked by every full collection)."""
    rules = _rules()
    words = tag("want zorbly dead quiblet", rules)[1][0][0]
    gc.collect()
    assert rules.memo["en"] and not any(map(gc.is_tracked, rules.memo["en"].values()))
    assert words[1] is words[3]  # two unknown words: the one empty set


def test_past_the_bound_on_concept_sets_a_word_is_read_but_not_remembered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = _rules()
    monkeypatch.setattr(tag_module, "_MAX_SETS", len(tag_module.SETS))
    new = frozenset({"DIE", "NOT_A_SET_BEFORE"})
    monkeypatch.setattr(tag_module, "_look_up", lambda raw, lang, rules: (raw, new))
    assert tag("zorbly", rules)[1][0][0] == [new]
    assert "zorbly" not in rules.memo["en"] and new not in tag_module.SETS


def test_a_new_word_told_twice_in_a_text_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its second use finds the memo entry its first made (a long message repeats its rarer words too)."""
    rules = _rules()
    calls: list[str] = []
    look_up = tag_module._look_up

    def counted(raw: str, lang: str, rules: Rules) -> tuple[str, frozenset[str]]:
        calls.append(raw)
        return look_up(raw, lang, rules)

    monkeypatch.setattr(tag_module, "_look_up", counted)
    clause = tag("i want to die, zorblax and zorblax and want", rules)[1][1][0]
    assert sorted(calls) == [",", "and", "die", "i", "to", "want", "zorblax"]  # each once
    assert clause[0] is clause[2] and clause[0] == look_up("zorblax", "en", rules)[1]
