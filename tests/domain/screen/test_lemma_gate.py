"""The lemma gate (bot/domain/screen/lemma_gate.py): a word it clears has a lemma that is no lexicon word, so
skipping simplemma for it changes no word's concepts. Checked against simplemma itself on the corpus's words,
forms of its dictionaries and made-up words, and on what the tagger makes of each word with and without it."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from bot.domain.screen import lemmas
from bot.domain.screen import tag as tag_module
from bot.domain.screen.assess import default_rules
from bot.domain.screen.rules import Rules
from tests.domain.screen import screen_corpus

_LETTERS = "abcdefghijklmnopqrstuvwxyzñáéíóú"


@pytest.fixture(scope="module")
def rules() -> Rules:
    lemmas.wait_loaded(None)
    found = default_rules()
    tag_module.gate_lemmas(found, lambda: None)  # (the loading thread builds them in a bot)
    assert set(found.gates) == {"en", "es"}
    return found


def _made_up(rng: random.Random, lexicon: list[str]) -> Iterator[str]:
    """Random words, and lexicon words with an ending, a letter changed or a clitic glued on."""
    for _ in range(6000):
        yield "".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 14)))
    for word in rng.sample(lexicon, 1500):
        k = rng.randrange(len(word))
        yield word[:k] + rng.choice(_LETTERS) + word[k + 1 :]
        yield word + rng.choice(("s", "es", "ed", "ing", "ando", "aba", "ieron", "ería", "mente", "ciones"))
        yield word + rng.choice(("me", "se", "lo", "la", "nos", "les", "melo", "selo"))


def _words(rules: Rules, lang: str) -> list[str]:
    rng = random.Random(lang)
    found = {
        w
        for e in screen_corpus.independent_development()
        for w in re.findall(r"[a-zñáéíóúü]+", e.text.lower())
    }
    records = lemmas.records(lang)
    assert records is not None
    forms = [f.decode().lower() for f, _ in records]
    found.update(rng.sample(forms, 8000))
    found.update(_made_up(rng, sorted(rules.words[lang])))
    return sorted(found)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_word_it_clears_has_no_lemma_in_the_lexicon(rules: Rules, lang: str) -> None:
    gate, lexicon = rules.gates[lang], rules.words[lang]
    words = _words(rules, lang)
    wrong = [
        (w, lemmas.lemma(w, lang))
        for w in words
        if not gate.may_matter(w) and lemmas.lemma(w, lang) in lexicon
    ]
    assert wrong == []
    cleared = sum(not gate.may_matter(w) for w in words)
    assert cleared > len(words) / 2  # (and it does clear most of them: else it saves nothing)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_word_has_the_same_concepts_with_and_without_it(rules: Rules, lang: str) -> None:
    words = _words(rules, lang)[::3]
    gates = dict(rules.gates)
    with_gate = [tag_module._look_up(w, lang, rules) for w in words]
    rules.gates.clear()
    try:
        without = [tag_module._look_up(w, lang, rules) for w in words]
    finally:
        rules.gates.update(gates)
    assert with_gate == without
