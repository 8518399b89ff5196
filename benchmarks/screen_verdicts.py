"""Every verdict of the crisis screen, dumped one per line, so a change meant only for speed can be diffed
against the code before it: same level, reasons and language, byte for byte.

Texts: the development part (dev_*, the independent writers' sets, the paraphrases), the locked part, the long
messages set, stitched 4,096-character messages and the benchmark's adversarial input, each with the learned
layer and without. Words: every token of those texts and, per language, made-up typos of every lexicon word
and random letter strings, each looked up on its own as a word never seen (the tagger's cold path).

Run: .venv/bin/python -m benchmarks.screen_verdicts > before.txt; (change); ... > after.txt; diff before.txt after.txt
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator

from bot.domain.screen import lemmas
from bot.domain.screen import tag as tagger
from bot.domain.screen.assess import assess, default_rules
from bot.domain.screen.rules import Rules
from bot.domain.screen.text import tokens
from tests.domain.screen import screen_corpus
from tests.domain.screen.screen_paraphrase import generate

YEAR = 2026
LETTERS = {"en": "abcdefghijklmnopqrstuvwxyz", "es": "abcdefghijklmnopqrstuvwxyzñáéíóú"}


def texts() -> list[str]:
    from benchmarks.screen import _adversarial, _long_messages

    out = [e.text for p in sorted(screen_corpus.DATA.glob("dev_*.txt")) for e in screen_corpus.read(p)]
    out += [e.text for e in screen_corpus.independent_development()]
    out += [e.text for e in generate()]
    out += [e.text for e in screen_corpus.locked()]
    out += [e.text for e in screen_corpus.read_tsv(screen_corpus.DATA / "corpus15_dev.tsv")]
    rng = random.Random(7)
    out += _long_messages(out[:5000], rng, 200) + _adversarial(rng)
    return out


def _typos(word: str, letters: str, rng: random.Random) -> Iterator[str]:
    k = rng.randrange(len(word))
    yield word[:k] + word[k + 1 :]
    yield word[:k] + rng.choice(letters) + word[k:]
    yield word[:k] + rng.choice(letters) + word[k + 1 :]
    if k + 1 < len(word):
        yield word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    yield word + word[-1] * 2
    yield word + rng.choice(("s", "ed", "ing", "me", "se", "lo", "ndo", "aba", "ito"))


def words(rules: Rules, corpus: list[str]) -> dict[str, list[str]]:
    rng = random.Random(13)
    seen = sorted({w for t in corpus[:30000] for w in tokens(t)})
    out: dict[str, list[str]] = {}
    for lang in ("en", "es"):
        lexicon = sorted(
            set(rules.words[lang]) | {w for opts in rules.phrases.values() for s, _ in opts for w in s}
        )
        made = [t for w in lexicon if len(w) >= 3 for t in _typos(w, LETTERS[lang], rng)]
        made += ["".join(rng.choice(LETTERS[lang]) for _ in range(rng.randint(2, 36))) for _ in range(20000)]
        out[lang] = [spelled for w in seen + made for spelled in [rules.spelling.get(w, w)]]
    return out


def main() -> None:
    rules = default_rules()
    lemmas.wait_loaded(None)
    if hasattr(lemmas, "wait_prepared"):  # the code before the dictionaries' filters (sieve.py) had none:
        lemmas.wait_prepared(None)
    corpus = texts()
    write = sys.stdout.write
    for lang, listed in words(rules, corpus).items():
        for w in listed:
            found, concepts = tagger._look_up(w, lang, rules)
            write(f"W {lang} {w!r} {found!r} {sorted(concepts)}\n")
    for layer in (False, True):
        for text in corpus:
            a = assess(text, ngrams_layer=layer, year=YEAR)
            write(json.dumps([layer, a.level.value, list(a.reasons), a.language], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
