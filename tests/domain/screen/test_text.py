"""Unit tests for the screen's text preparation (bot/domain/screen/text.py): normalising, tokens, language."""

from __future__ import annotations

from collections import deque

import pytest

from bot.domain.screen import text
from bot.domain.screen.text import (
    _TOKEN,
    deaccent,
    deletions,
    distance,
    language,
    make_room,
    normalize,
    squeeze,
    tokens,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("I WANT TO DIE", "i want to die"),
        ("k1ll mys3lf", "kill myself"),  # leetspeak inside a word
        ("$uicide", "suicide"),
        ("diiiiie", "diie"),  # stretched letters folded to two (squeeze() folds the rest)
        ("d!e", "die"),
        ("k i l l myself", "kill myself"),  # letters spelled out
        ("kill\u200bmyself", "killmyself"),  # zero-width characters go
        ("іwant", "iwant"),  # Cyrillic і
        ("ｄｉｅ", "die"),  # full-width letters
        ("i’m", "i'm"),  # typographic apostrophe
    ],
)
def test_normalize_undoes_disguises(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


def test_numbers_and_ordinals_are_left_alone() -> None:
    assert (
        normalize("took 30 pills at 3 on the 3rd, not the 21st")
        == "took 30 pills at 3 on the 3rd, not the 21st"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "i want to die. tonight, maybe; or not?",
        "k i l l m y s e l f",
        "ya no quiero vivir ¿para qué? ¡nada!",
        "i'm done\nbye",
        "a b c d e f g",
        "x y",
        "me 2 u 4 ever",
        "k1ll m3 n0w!!!",
        "a" * 50 + " k i l l " + "b" * 45,  # a long piece (not remembered) next to spelled letters
    ],
)
def test_tokens_are_the_tokens_of_the_normalised_text(raw: str) -> None:
    """tokens() tokenises space-separated pieces one by one (remembered); it must equal the whole-text
    tokenisation of normalize(), which the piecewise path is an optimisation of."""
    assert tokens(raw) == _TOKEN.findall(normalize(raw))


def test_tokens_keep_clause_punctuation_and_apostrophe_endings() -> None:
    assert tokens("I can't, really. Why?") == ["i", "can't", ",", "really", ".", "why", "?"]


def test_deaccent_drops_accents_and_keeps_plain_text_as_is() -> None:
    assert deaccent("está dañada") == "esta danada"
    plain = "plain"
    assert deaccent(plain) is plain


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        (["ya", "no", "quiero", "vivir"], "es"),
        (["i", "want", "to", "die"], "en"),
        (["matarme"], "es"),  # a Spanish verb ending with a glued pronoun
        (["zzz"], ""),  # neither: decided by the dictionaries later (tag._by_dictionary)
    ],
)
def test_language_from_function_words(words: list[str], lang: str) -> None:
    assert language(words) == lang


def test_deletions_are_each_one_letter_left_out() -> None:
    assert deletions("kill") == {"ill", "kll", "kil"}


@pytest.mark.parametrize(
    ("a", "b", "d"),
    [("kill", "kill", 0), ("kill", "kil", 1), ("chokd", "choked", 1), ("teh", "the", 1), ("abc", "xyz", 3)],
)
def test_distance_counts_a_swap_of_neighbours_once(a: str, b: str, d: int) -> None:
    assert distance(a, b) == d


def test_squeeze_folds_doubled_letters() -> None:
    assert squeeze("diie") == "die"


def test_a_long_adversarial_word_is_one_linear_pass() -> None:
    """No catastrophic backtracking: 4,096 characters of the worst shapes normalise at once."""
    for raw in ("k" + "i" * 4094 + "l", "1" * 4096, "a1" * 2048, "k i " * 1024):
        assert isinstance(text.normalize(raw), str)


def test_a_words_answer_is_worked_out_once_and_the_memory_is_bounded() -> None:
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = text._Memo(length, size=3)
    assert list(map(memo.__getitem__, ["ab", "ab", "abc", "ab"])) == [2, 2, 3, 2]
    assert calls == ["ab", "abc"]
    for word in ("a", "bb", "ccc", "dddd", "eeeee"):
        assert memo[word] == len(word)
        assert len(memo) <= 3


def test_a_full_memo_drops_its_oldest_entries_a_few_at_a_time() -> None:
    """Cleared all at once, a full memo freed tens of thousands of entries while a message waited."""
    memo: dict[str, int] = {}
    for k in range(1000):
        make_room(memo, 200)
        memo[f"w{k}"] = k
        assert len(memo) <= 200
        if k >= 200:
            assert len(memo) > 100  # never emptied
            assert f"w{k - 100}" in memo  # the newest kept; the oldest went first
    assert "w0" not in memo


def test_a_full_memo_with_its_order_drops_its_oldest_without_walking_the_dropped() -> None:
    """With the order its keys were put in, the oldest are found at once (a dict keeps deleted entries' slots
    until it grows, and its first live entry lay past all of them); a key already gone is passed over."""
    memo: dict[str, int] = {}
    order: deque[str] = deque()
    for k in range(1000):
        make_room(memo, 200, order)
        if k == 500:
            del memo["w450"]  # gone already when its turn comes
        order.append(f"w{k}")
        memo[f"w{k}"] = k
        assert len(memo) <= 200
        if k >= 200:
            assert len(memo) > 100
            assert f"w{k - 100}" in memo or k == 550
    assert "w0" not in memo
    assert list(order) == list(memo)
