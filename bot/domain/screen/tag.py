"""The crisis screen's first half: a text as clauses of concept sets (language, phrases, words, typos).

Each word is looked up once per process (remembered in the rules' memo): by its own form, its
lemma, a typo one edit away from a lexicon word, and, in Spanish, the pronoun glued to a verb. The memo
keeps each word as (spelling, number of its concept set), and each distinct concept set once (SETS).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import date
from itertools import chain, compress, count, pairwise, repeat
from operator import is_, itemgetter, or_

from bot.domain.screen.lemma_gate import build
from bot.domain.screen.lemmas import known, lemma, ready, records, wait_loaded
from bot.domain.screen.rules import Rules
from bot.domain.screen.text import (
    CLAUSE_END,
    SENTENCE_END,
    deaccent,
    deletions,
    language,
    make_room,
    one_edit,
    squeeze,
    tokens,
)

Clause = list[frozenset[str]]
_EMPTY: frozenset[str] = frozenset()
_UNSEEN = ("", 0)  # a new word's place while the text's known words are unpacked
_BREAK = "BREAK"  # a word that ends a clause ("but", "because", "pero")
_SBREAK = "SBREAK"  # a word that ends a sentence for framing too ("but", "pero")


class _Breaks(dict[frozenset[str], bool]):
    """Whether a word's concepts end its clause, per concept set (a word's set is shared by every use of
    it): worked out once, then looked up in C. Bounded, like the words' memo."""

    def __missing__(self, key: frozenset[str]) -> bool:
        make_room(self, _MEMO_SIZE)
        found = self[key] = _BREAK in key or _SBREAK in key
        return found


_BREAKS = _Breaks()

# Every distinct concept set a word has had, once, by number. A memo entry is (spelling, number): a tuple
# of a string and an int, which the garbage collector stops tracking, where (spelling, set) was tracked
# and each word's set a new object (after the benchmark's warm-up 20,000 entries held 20,000 sets, 3,300
# of them distinct and 10,000 empty), all walked by every full collection. The sets are unions of the
# lexicon's, so few; past _MAX_SETS a new one is used but not remembered, so they stay bounded.
SETS: list[frozenset[str]] = [_EMPTY]
_NUMBERS: dict[frozenset[str], int] = {_EMPTY: 0}
_MAX_SETS = 1 << 16
_numbering = threading.Lock()


def tag(text: str, rules: Rules, year: int | None = None) -> tuple[str, list[tuple[Clause, int]]]:
    """The language and the clauses of a text, each a list of concept sets, with its sentence number.
    `year` is the year it is now (the clock's when not given): a year two or more before it is history."""
    if not ready():
        wait_loaded()  # waits only in the first second or two after start-up, while the dictionaries load
    spelling = rules.spelling
    found = tokens(text)
    raw = list(map(spelling.get, found, found))  # each word, or its usual spelling
    lang = language(raw) or _by_dictionary(raw)
    memo = rules.memo[lang]
    hits = list(map(memo.get, raw))  # looked up in C; only words new to the memo take the Python path
    missing = list(compress(count(), map(is_, hits, repeat(None)))) if None in hits else []
    for k in missing:
        hits[k] = _UNSEEN  # filled in below: the rest of the text is unpacked in C, not word by word
    remembered: list[tuple[str, int]] = hits  # type: ignore[assignment]  # none is missing now
    words = list(map(itemgetter(0), remembered))
    concepts = list(map(SETS.__getitem__, map(itemgetter(1), remembered)))
    for k in missing:
        # a word new to the memo; one told again in this text was remembered at its first use
        hit = memo.get(raw[k])
        words[k], concepts[k] = (hit[0], SETS[hit[1]]) if hit else _word(raw[k], lang, rules)
    if any(len(w) == 4 for w in filter(str.isdigit, raw)):  # the digits found in C, the few years in Python
        concepts = _dated(words, concepts, year or date.today().year)
    # Only a clause's end, a phrase's first word or a word that breaks a clause needs a look; the words
    # between them join their clause as they are (found and sliced in C: a long message is mostly these).
    phrases, by_length = rules.phrases, rules.by_length
    ends = map(CLAUSE_END.__contains__, words)
    starting = map(phrases.__contains__, pairwise(words))  # a phrase's first two words (none at the end)
    breaking = map(_BREAKS.__getitem__, concepts)
    marks = compress(count(), map(or_, map(or_, ends, chain(starting, (False,))), breaking))
    clauses: list[tuple[Clause, int]] = []
    clause: Clause = []
    sentence = i = 0
    n = len(words)
    for mark in marks:
        if mark < i:
            continue  # inside a phrase already read
        clause.extend(concepts[i:mark])
        i, word = mark, words[mark]
        if word in CLAUSE_END:
            if clause:
                clauses.append((clause, sentence))
                clause = []
            sentence += word in SENTENCE_END
            i += 1
            continue
        here, width = concepts[i], 1
        if i + 1 < n:  # the longest phrase starting here (indexed by its first two words)
            for length, options in by_length.get((word, words[i + 1]), ()):
                phrase = options.get(tuple(words[i : i + length]))
                if phrase is not None:
                    here, width = phrase, length
                    break
        if _BREAK in here or _SBREAK in here:
            if clause:
                clauses.append((clause, sentence))
                clause = []
            sentence += _SBREAK in here
        else:
            clause.append(here)
        i += width
    clause.extend(concepts[i:])
    if clause:
        clauses.append((clause, sentence))
    return lang, clauses


_PAST = frozenset({"HIST"})
_COUNTED = frozenset({"MANY", "COUNT"})
_LONG_PAST = 2  # years before this one: "in 2024" read in 2026 is history; last year's news may not be


_ONGOING = frozenset({"since", "desde"})  # "since 2023" is a pattern that goes on, not history


def _dated(words: list[str], concepts: list[frozenset[str]], year: int) -> list[frozenset[str]]:
    """A year long past frames its sentence as history ("back in 2015 I tried to..."), counted from the year
    it is now, so the rule does not go stale (the memo keeps words, not years: this is applied after it)."""
    dated = list(concepts)
    for k, w in enumerate(words):
        old = len(w) == 4 and w.isdigit() and 1900 <= int(w) <= year - _LONG_PAST
        if old and not (k and words[k - 1] in _ONGOING):
            dated[k] = concepts[k] | _PAST
    return dated


def _by_dictionary(words: list[str]) -> str:
    """'es' or 'en' for a text the function words leave undecided ("prefiero estar muerta"): the words
    one language's dictionary has and the other's lacks; English when that ties too."""
    score = 0
    for w, times in Counter(words).items():  # each word looked up once, however often it is repeated
        if w.isalpha():
            es, en = known(w, "es"), known(w, "en")
            score += (es - en) * times
    return "es" if score > 0 else "en"


_LONGEST_WORD = 30  # no lexicon word is longer; stretched letters are already folded by normalize()
_MEMO_SIZE = 100_000


def looked_up(raw: str, lang: str, rules: Rules) -> tuple[str, frozenset[str]]:
    """A word as the lexicon spells it and its concepts: remembered, else looked up (and remembered)."""
    hit = rules.memo[lang].get(raw)
    return (hit[0], SETS[hit[1]]) if hit else _word(raw, lang, rules)


def _word(raw: str, lang: str, rules: Rules) -> tuple[str, frozenset[str]]:
    """A word as the lexicon spells it (accents, one typo) and its concepts, remembered per word."""
    word, concepts = _look_up(raw, lang, rules) if len(raw) <= _LONGEST_WORD else (raw, _EMPTY)
    number = _NUMBERS.get(concepts)
    if number is None:
        with _numbering:
            number = _NUMBERS.get(concepts)
            if number is None and len(SETS) < _MAX_SETS:
                SETS.append(concepts)  # before its number is published: read without the lock
                number = _NUMBERS[concepts] = len(SETS) - 1
    if number is None:
        return word, concepts  # a set past the bound: used, not remembered
    if not ready():
        # looked up without lemmas: not remembered, so it is looked up again once they load
        return word, SETS[number]
    memo, order = rules.memo[lang], rules.memo_order[lang]
    make_room(memo, _MEMO_SIZE, order)  # bounded: a flood of made-up words cannot grow it without end
    if raw not in memo:
        order.append(raw)
    memo[raw] = (word, number)
    return word, SETS[number]


def _look_up(raw: str, lang: str, rules: Rules) -> tuple[str, frozenset[str]]:
    if lang == "en" and len(raw) >= 5 and raw.endswith("in") and raw + "g" in rules.vocabulary:
        raw += "g"  # the g dropped ("thinkin of killin myself": newcomer9 N48); the dictionary knows "killin"
    word = _typo(deaccent(raw), lang, rules)
    own, foreign = rules.words[lang], rules.words["es" if lang == "en" else "en"]
    # The lemma only where it can be a lexicon word (lemma_gate.py), or a Spanish verb may carry a pronoun
    # (_clitic, which needs one of its endings): else it would add nothing, and simplemma costs 10-20 µs.
    gate = rules.gates.get(lang)
    ask = gate is None or gate.may_matter(raw) or (lang == "es" and word.endswith(_CLITIC_ENDINGS))
    base = lemma(raw, lang) if ask else ""
    # The other language only for words this one does not know ("me puse bien high").
    concepts = (own.get(word, _EMPTY) or foreign.get(word, _EMPTY)) | own.get(base, _EMPTY)
    if not concepts and len(word) > 3:
        folded = squeeze(word)
        if folded != raw:  # (else its form and lemma were looked up just now, and gave nothing)
            ask = gate is None or gate.may_matter(folded)
            concepts = own.get(folded, _EMPTY) | (own.get(lemma(folded, lang), _EMPTY) if ask else _EMPTY)
    if lang == "es" and base:
        concepts |= _clitic(word, base)
    if word.isdigit() and len(word) <= 6 and int(word) >= 10:
        # COUNT too: a number told apart from its pills ("me tomé las pastillas de mi mamá, como 15")
        concepts |= _COUNTED
    return word, concepts


def _typo(word: str, lang: str, rules: Rules) -> str:
    """The lexicon word one typo away ('chokd' -> 'choked', 'beter' -> 'better') for an unknown word of
    5+ letters; the word itself when it is known, too short, or the guess is ambiguous."""
    if len(word) < 5 or not word.isalpha():
        return word
    index = rules.typo_index(lang)
    if word in rules.vocabulary:
        return word
    variants = deletions(word)
    variants.add(word)
    near = index.keys() & variants  # in C, one look-up per variant: nearly always none
    if not near or known(word, lang):  # the dictionary (a slow look-up) only when a lexicon word is near
        return word
    hits = {key for variant in near for key in index[variant]}
    # the nearest by (edit distance, difference in length, spelling) when it is one edit away: no key is the
    # word itself (it is no lexicon word), so those one edit away are the nearest, told apart without the
    # full edit-distance table (text.distance; tests/domain/screen/test_speed_paths.py checks the two agree)
    ones = [key for key in hits if one_edit(word, key)]
    return min(ones, key=lambda key: (abs(len(key) - len(word)), key)) if ones else word


def _clitic(word: str, base: str) -> frozenset[str]:
    """Spanish pronouns glued to a verb: matarme (me), matarse (him/herself), matarlo (him)."""
    if word == base or not base.endswith(("ar", "er", "ir")) or not (word.startswith(base) or "ndo" in word):
        return _EMPTY
    if word.endswith("me"):
        return frozenset({"ME", "MYSELF"})
    if word.endswith("se"):
        return frozenset({"REFL3", "THIRD"})
    if word.endswith(_CLITIC_ENDINGS[2:]):
        return frozenset({"OTHER_OBJ"})
    return _EMPTY


# every ending _clitic reads: a word without one has no pronoun glued to it, whatever its lemma
_CLITIC_ENDINGS = ("me", "se", "lo", "la", "le", "los", "las", "les")


def gate_lemmas(rules: Rules, pause: Callable[[], object]) -> None:
    """Build the rules' lemma gates (lemma_gate.py) from the dictionaries, once per rules: on the loading
    thread (assess.prepare), `pause()` now and then; until built (or if they cannot be), every new word's
    lemma is asked."""
    for lang in ("en", "es"):
        if lang not in rules.gates and (found := records(lang)) is not None:
            rules.gates[lang] = build(lang, rules.words[lang], found, pause)
