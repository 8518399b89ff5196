"""Which words' lemmas can matter to the screen, told without asking simplemma: the same verdicts, a new
word's look-up without its 10-20 µs lemma when the lemma cannot be a lexicon word.

The tagger uses a word's lemma only to look it up in the lexicon (tag._look_up: the lemma's concepts, and in
Spanish a pronoun glued to a verb, which needs the word to end in one). simplemma 2.0's lemma of a lower-case
word of letters (its DefaultStrategy for English and Spanish, read step by step) can only be:

1. the dictionary's lemma of the word or of its capitalised form;
2. (es) the dictionary's lemma of the word less one or two clitics ("nos", "les", ... "lo", "os", a stem
   of 4+ letters left), or of that stem without accents;
3. a suffix rule's rewrite of the word (en: `apply_en`; es: one of 24 suffix patterns);
4. (es, words of 9 to 100 letters) the dictionary's lemma of the word less its last one or two letters, or
   the word's first four letters or more followed by another dictionary lemma;
5. the word itself.

(Hyphens, apostrophes, prefixes, proper-noun casing and the other languages' steps do not apply to such a
word.) So a lemma that is a lexicon word needs, in the same order: the word (or a stem of 2, or the word less
a letter or two) among the dictionary's forms whose lemma is a lexicon word (`forms`, read from the
dictionary once, on the loading thread); a rule that rewrites it; its first four letters those of a lexicon
word; or the word itself a lexicon word. `may_matter` is that test; a word it clears has a lemma that is no
lexicon word, and asking simplemma would change nothing. It is a superset (a word it lets through is
lemmatised as before), checked against simplemma itself in tests/domain/screen/test_lemma_gate.py (the
corpus's words, dictionary forms, made-up words); an upgrade of simplemma must pass it again.

On the benchmark's 4,096-character messages (benchmarks/screen.py), 7 % of the words new to the process
go through to simplemma.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from itertools import islice

from bot.domain.screen.text import deaccent

_LETTERS = re.compile(r"[a-zñáéíóúü]+")  # the tokeniser's letters, lower case: the words reasoned about above
# simplemma's Spanish clitics, longest first, as it strips them
_CLITICS = ("nos", "les", "las", "los", "me", "te", "se", "le", "la", "lo", "os")  # fmt: skip
_MIN_STEM = 4
_AFFIX_FROM, _AFFIX_TO = 9, 100  # simplemma: longer than greedy_min_length ("es": 8), at most MAXLEN
_ENDINGS = re.compile(r"\(\?:([a-zñáéíóúü|]+)\)\$")
_CHUNK = 1024  # dictionary records between two pauses of the loading thread


@dataclass(frozen=True)
class Gate:
    """One language's test: the lexicon's words, the dictionary's forms whose lemma is one (lower case), the
    lexicon's first four letters, and whether a suffix rule may rewrite a word."""

    lang: str
    lexicon: Collection[str]
    forms: frozenset[str]
    starts: frozenset[str]
    rewrites: Callable[[str], bool]

    def may_matter(self, word: str) -> bool:
        """False only when simplemma's lemma of `word` is certainly no lexicon word."""
        if not _LETTERS.fullmatch(word):
            return True  # not a word reasoned about above: asked as before
        forms = self.forms
        if word in forms or deaccent(word) in self.lexicon or self.rewrites(word):
            return True
        if self.lang != "es":
            return False
        stem = word
        for _ in range(2 if word.endswith(_CLITICS) else 0):  # (most words end in none: one test in C)
            stripped = _strip_clitic(stem)
            if stripped is None:
                break
            stem = stripped
            if stem in forms or deaccent(stem) in forms:
                return True
        if _AFFIX_FROM <= len(word) <= _AFFIX_TO:
            return word[:-1] in forms or word[:-2] in forms or deaccent(word[:4]) in self.starts
        return False


def _strip_clitic(word: str) -> str | None:
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= _MIN_STEM:
            return word[: -len(clitic)]
    return None


def _rewrites(lang: str) -> Callable[[str], bool]:
    """Whether one of simplemma's suffix rules may rewrite a word (a superset: any rule's ending)."""
    if lang == "en":
        from simplemma.strategies.defaultrules.en import apply_en

        return lambda word: apply_en(word) is not None
    from simplemma.strategies.defaultrules.es import DEFAULT_RULES

    # each rule is an end-anchored choice of endings, "(?:aba|aban|...)$": all of them one str.endswith
    endings = [_ENDINGS.fullmatch(rule.pattern) for rule in DEFAULT_RULES]
    if all(endings):
        tails = {e for found in endings for e in found.group(1).split("|")}  # type: ignore[union-attr]
        # the last two letters first (every ending has two or more; most words end otherwise), then a set
        # look-up per length of ending (2 to 8 letters), not a comparison per ending (about 400)
        last, sizes = {e[-2:] for e in tails}, sorted({len(e) for e in tails})
        return lambda word: (
            word[-2:] in last and any(word[-size:] in tails for size in sizes if size <= len(word))
        )
    ending = re.compile("|".join(rule.pattern for rule in DEFAULT_RULES))  # (a newer simplemma's rules)
    return lambda word: ending.search(word) is not None


def build(
    lang: str, lexicon: Collection[str], records: Iterator[tuple[bytes, bytes]], pause: Callable[[], object]
) -> Gate:
    """The language's gate from its dictionary's (form, lemma) records (lemmas.records), calling `pause()`
    every `_CHUNK` of them (it runs on the loading thread, about half a second for Spanish)."""
    forms: set[str] = set()
    while chunk := list(islice(records, _CHUNK)):
        for form, value in chunk:
            lemma = value.decode()
            # the lexicon's words are deaccented and case-folded (rules.parse); most lemmas already are
            plain = lemma.isascii() and lemma.islower()
            if lemma in lexicon or (not plain and deaccent(lemma.casefold()) in lexicon):
                forms.add(form.decode().lower())
        pause()
    starts = frozenset(w[:4] for w in lexicon if len(w) >= 4)
    return Gate(lang, lexicon, frozenset(forms), starts, _rewrites(lang))
