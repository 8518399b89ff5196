"""The screen's shortcuts for long messages (issue 13's speed goal) give what the plain definitions give:
the tagger stopping only at marks, the frames worked out once per clause concept set, and the n-gram
counts of a long text shared by the layer's two heads. Each is checked against the definition read plainly."""

from __future__ import annotations

import gc
import random

import pytest

from bot.domain.screen import frame_index, ngrams
from bot.domain.screen import match as match_module
from bot.domain.screen import tag as tag_module
from bot.domain.screen import text as text_module
from bot.domain.screen.assess import default_rules
from bot.domain.screen.frame_index import FrameIndex
from bot.domain.screen.lemmas import wait_loaded
from bot.domain.screen.rules import RANK, Rules
from bot.domain.screen.tag import _BREAK, _SBREAK, Clause, tag
from bot.domain.screen.text import CLAUSE_END, SENTENCE_END
from bot.domain.screen.tfidf import normalise
from tests.domain.screen import screen_corpus


@pytest.fixture(autouse=True, scope="module")
def _lemmas() -> None:
    wait_loaded(None)


def _sample(n: int, seed: int = 5) -> list[str]:
    texts = [ex.text for ex in screen_corpus.development()]
    return random.Random(seed).sample(texts, n)


def _clauses_plainly(
    words: list[str], concepts: list[frozenset[str]], rules: Rules
) -> list[tuple[Clause, int]]:
    """The tagger's clause loop as first written: every word looked at, phrases scanned longest first."""
    clauses: list[tuple[Clause, int]] = []
    clause: Clause = []
    sentence = i = 0
    while i < len(words):
        word = words[i]
        if word in CLAUSE_END:
            if clause:
                clauses.append((clause, sentence))
                clause = []
            sentence += word in SENTENCE_END
            i += 1
            continue
        here, width = concepts[i], 1
        if word in rules.starts and i + 1 < len(words):
            for seq, phrase in rules.phrases.get((word, words[i + 1]), ()):
                if len(seq) == 2 or tuple(words[i : i + len(seq)]) == seq:
                    here, width = phrase, len(seq)
                    break
        if _BREAK in here or _SBREAK in here:
            if clause:
                clauses.append((clause, sentence))
                clause = []
            sentence += _SBREAK in here
        else:
            clause.append(here)
        i += width
    if clause:
        clauses.append((clause, sentence))
    return clauses


def test_the_tagger_stopping_only_at_marks_makes_the_clauses_every_word_would() -> None:
    rules = default_rules()
    texts = [
        *_sample(400),
        "i want to kill myself tonight, but not really. i want to die",
        "ya no quiero vivir. me quiero matar pero no puedo",
        "back in 2015 i tried to end it all, and nobody would miss me",
        " ".join(_sample(30, seed=9)),
    ]
    for text in texts:
        lang, clauses = tag(text, rules, 2026)
        raw = [rules.spelling.get(w, w) for w in text_module.tokens(text)]
        looked = [tag_module.looked_up(w, lang, rules) for w in raw]
        words = [w for w, _ in looked]
        concepts = tag_module._dated(words, [c for _, c in looked], 2026)
        assert clauses == _clauses_plainly(words, concepts, rules), text


def test_a_clauses_candidate_frames_are_those_with_every_slot_there_and_no_blocker_or_unless() -> None:
    """A frame's `unless` is read in the whole sentence, and a clause's concepts are its sentence's: a clause
    that holds one of them cannot fire it, so it is no candidate."""
    rules = default_rules()
    for lang in ("en", "es"):
        index = rules.for_language(lang)
        for text in _sample(300, seed=11):
            for clause, _ in tag(text, rules)[1]:
                seen = frozenset().union(*clause)
                plain = tuple(
                    number
                    for number, (frame, order, _, _, _) in enumerate(index.table)
                    if not order[0].concepts.isdisjoint(seen)
                    and all(not slot.concepts.isdisjoint(seen) for slot in order)
                    and frame.blockers.isdisjoint(seen)
                    and frame.unless.isdisjoint(seen)
                )
                assert index.candidates(seen) == plain, (lang, text)


def test_one_edit_is_an_edit_distance_of_one() -> None:
    """The typo look-up's shortcut (tag._typo) against the full table: letters added, dropped, changed and
    swapped at random, over a small alphabet so that many pairs are one or two edits apart."""
    rng = random.Random(3)
    ones = 0
    for _ in range(50_000):
        word = list("".join(rng.choice("abc") for _ in range(rng.randint(0, 7))))
        other = list(word)
        for _ in range(rng.randint(0, 2)):
            k, op = rng.randint(0, len(other)), rng.randint(0, 3)
            if op == 0:
                other.insert(k, rng.choice("abc"))
            elif op == 1 and k < len(other):
                del other[k]
            elif op == 2 and k < len(other):
                other[k] = rng.choice("abc")
            elif op == 3 and k + 1 < len(other):
                other[k], other[k + 1] = other[k + 1], other[k]
        a, b = "".join(word), "".join(other)
        assert text_module.one_edit(a, b) == (text_module.distance(a, b) == 1), (a, b)
        ones += text_module.one_edit(a, b)
    assert ones > 10_000


def test_the_candidates_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frame_index, "_CANDIDATE_SETS", 50)
    index = FrameIndex.build(default_rules().frames, RANK)
    concepts = sorted(index.keyed)
    for k in range(400):
        index.candidates(frozenset({concepts[k % len(concepts)], f"X{k}"}))
        assert len(index._candidates) <= 50


def test_the_candidates_memory_tells_apart_sets_of_one_hash_and_is_not_walked_by_the_collector() -> None:
    """Filed under the set's hash with its concepts as a tuple (the garbage collector stops tracking it): a
    different set kept under the same hash is not taken for this one."""
    rules = default_rules()
    index = FrameIndex.build(rules.frames, RANK)
    seen = frozenset().union(*tag("i want to kill myself tonight", rules)[1][0][0])
    right = index.candidates(seen)
    assert right
    gc.collect()
    gc.collect()  # a tuple is left alone once the tuples in it are: by the next pass
    assert not any(map(gc.is_tracked, index._candidates.values()))
    other = tuple(sorted(index.keyed)[: len(seen)])
    assert frozenset(other) != seen
    for planted in (("NOT_THERE",), other, (*seen, "NOT_THERE")):
        index._candidates[hash(seen)] = (planted, ())
        assert index.candidates(seen) == right


def test_the_two_heads_read_a_long_text_as_each_would_alone() -> None:
    """assess reads a long text the rules find nothing in with the crisis head, then the relapse head: the
    second reuses the first's n-gram counts and must score as if it had counted them itself."""
    model = ngrams.shipped()
    assert model is not None and model.relapse is not None
    texts = [" ".join(_sample(25, seed=s)) for s in range(4)]
    for text in texts:
        assert len(text) > ngrams.WINDOW
        ngrams._last.clear()
        alone = ngrams.read(model.relapse, text, "es")
        ngrams.read(model, text, "es")  # counts the text once for both heads
        assert ngrams._last and ngrams._last[0][0] == text
        assert ngrams.read(model.relapse, text, "es") == alone
        ngrams._last.clear()
        crisis_alone = ngrams.read(model, text, "es")
        ngrams.read(model.relapse, text, "es")
        assert ngrams.read(model, text, "es") == crisis_alone


def test_the_two_heads_read_a_short_text_as_each_would_alone() -> None:
    """A short text's n-gram counts are shared by the two heads too (ngrams._counts): each head's log-odds
    are those of counting the text itself, in either order, and a changed text is counted anew."""
    model = ngrams.shipped()
    assert model is not None and model.relapse is not None
    for text in [*_sample(40, seed=3), "me tome unas pastillas", "Me tomé unas pastillas"]:
        for first, second in ((model, model.relapse), (model.relapse, model)):
            ngrams._last_counts.clear()
            prepared = normalise(text)
            alone = second.bias + sum(b.part(b.counts(prepared)).value for b in second.blocks)
            first.log_odds(text)
            assert ngrams._last_counts and ngrams._last_counts[0][0] == prepared
            assert second.log_odds(text) == alone, text
    ngrams.read(model, "i want to die tonight", "en")
    assert model.relapse.log_odds("fui a la farmacia por pastillas") == pytest.approx(
        _plain(model.relapse, "fui a la farmacia por pastillas"), abs=1e-12
    )


def _plain(model: ngrams.Model, text: str) -> float:
    prepared = normalise(text)
    return model.bias + sum(b.part(b.counts(prepared)).value for b in model.blocks)


def test_a_model_with_other_n_grams_never_reuses_anothers_counts() -> None:
    model = ngrams.shipped()
    assert model is not None
    from tests.domain.screen.test_ngrams import _afresh, _sigmoid, _tiny

    tiny = _tiny()
    text = "pills tonight. " * 30 + " ".join(_sample(10))
    ngrams.read(model, text, "en")
    expected = _sigmoid(max(_afresh(tiny, w) for w in ngrams.windows(text)))
    assert ngrams.read(tiny, text, "en").probability == pytest.approx(expected, abs=1e-12)


def test_a_long_text_of_few_words_scores_every_window_as_read_afresh() -> None:
    """The windows of a long text are scored at once (vectors.py): a pair from its two pieces' counts and
    what joining them changes. Few words repeated make every n-gram recur within and across pieces, and
    word pairs across the join that occur inside them too: each window must score as read afresh."""
    from tests.domain.screen.test_ngrams import _afresh, _sigmoid

    model = ngrams.shipped()
    assert model is not None and model.relapse is not None
    rng = random.Random(17)
    words = ["i", "want", "pills", "tonight", "to", "die", "quiero", "morir", "ok", "no", "sleep", "x" * 40]
    joins = (" ", ". ", ".\n", "! ", ".", "?", "  ", "\n")
    for _ in range(40):
        text = ""
        while len(text) < rng.randint(400, 4000):
            text += " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) + rng.choice(joins)
        for head in (model, model.relapse):
            ngrams._last.clear()
            expected = _sigmoid(max(_afresh(head, w) for w in ngrams.windows(text)))
            assert ngrams.read(head, text, "es").probability == pytest.approx(expected, abs=1e-9), text


def test_windows_that_score_the_same_give_the_first_of_them() -> None:
    """Pieces whose n-grams occur in the same proportions score the same, up to the order of a sum: the
    first in reading order decides, whatever the rounding."""
    model = ngrams.shipped()
    assert model is not None and model.relapse is not None
    for text in ("ok. " * 1024, " ok." * 1024):
        for head in (model, model.relapse):
            ngrams._last.clear()
            assert ngrams.read(head, text, "es").window == ngrams._pieces(text, ngrams.WINDOW)[0][0]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_typo_index_holds_each_word_under_each_of_its_deletions_once(lang: str) -> None:
    rules = default_rules()
    plainly: dict[str, set[str]] = {}
    phrase_words = {w for options in rules.phrases.values() for seq, _ in options for w in seq}
    for word in set(rules.words[lang]) | phrase_words:
        if len(word) >= 5 and word.isalpha():
            for variant in (word, *text_module.deletions(word)):
                plainly.setdefault(variant, set()).add(word)
    index = rules.typo_index(lang)
    assert index.keys() == plainly.keys()
    # tuples (a quarter of a set's memory), each word once
    assert all(type(words) is tuple and sorted(words) == sorted(plainly[v]) for v, words in index.items())


def test_a_clause_without_a_framing_concept_frames_nothing() -> None:
    """The matcher calls _framing only for a clause that holds one of match._FRAMING: without them, every other
    concept of the lexicon together frames nothing (a framing added to _framing needs its concept there)."""
    rules = default_rules()
    words = (c for by_word in rules.words.values() for c in by_word.values())
    phrases = (c for options in rules.phrases.values() for _, c in options)
    every = frozenset().union(*words, *phrases)
    assert match_module._framing(every - match_module._FRAMING) == ""
    for concept in match_module._FRAMING:
        assert concept in every
