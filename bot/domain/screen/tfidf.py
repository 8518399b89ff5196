"""The n-gram layer's arithmetic (bot/domain/screen/ngrams.py): scikit-learn's TF-IDF analyzers and
one block's score, in pure Python.

Word 1-2 grams over the tokens ``(?u)\\b\\w\\w+\\b``, ``char_wb`` n-grams of each whitespace-separated word
padded with one space, sublinear tf, idf, the block l2-normalised, then a dot product with the
coefficients. The training script checks on every training text that this gives scikit-learn's
probability before it writes a model.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE = re.compile(r"\s\s+")
_WORDS_KEPT = 20_000  # words whose character n-grams are remembered (a few MB at most)


def normalise(text: str) -> str:
    """Lower case without accents: the preprocessor the model was trained with."""
    text = text.lower()
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_MARKS)


class _Marks(dict[int, int | None]):
    """Per character: None for a combining mark (dropped), else itself; worked out on first sight, then
    looked up in C by str.translate. Bounded by the characters a text can hold."""

    def __missing__(self, key: int) -> int | None:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        value = self[key] = None if unicodedata.combining(chr(key)) else key
        return value


_MARKS = _Marks()


def word_grams(text: str, lo: int, hi: int) -> list[str]:
    """scikit-learn's word analyzer on preprocessed text: tokens, then n-grams joined by a space."""
    return token_grams(TOKEN.findall(text), lo, hi)


def token_grams(tokens: list[str], lo: int, hi: int) -> list[str]:
    """`word_grams` of a text's tokens."""
    out = list(tokens) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, len(tokens)) + 1):
        # zip of the n shifted token lists, joined in C: a long message's bigrams cost no Python loop
        out.extend(map(" ".join, zip(*(tokens[k:] for k in range(n)), strict=False)))
    return out


def char_wb_grams(text: str, lo: int, hi: int) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer: n-grams inside each word padded with one space each side."""
    out: list[str] = []
    for word in _WHITE.sub(" ", text).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(lo, hi + 1):
            out.extend(padded[i : i + n] for i in range(max(size - n, 0) + 1))
            if size <= n:  # a short word counts once, not once per n
                break
    return out


@dataclass(frozen=True, init=False)
class Block:
    """One TF-IDF block: its analyzer and, per kept n-gram, idf x coefficient (the dot product) and idf
    squared (the norm), folded once. Only these two are kept: the model's (idf, coefficient) pairs as well
    took 9 MB more of the bot's 200 MB start-up budget, and two heads over the same n-grams share `idf2`."""

    analyzer: str
    lo: int
    hi: int
    weight: Mapping[str, float] = field(repr=False, compare=False)
    idf2: Mapping[str, float] = field(repr=False, compare=False)
    _words: dict[str, tuple[str, ...]] = field(repr=False, compare=False)

    def __init__(
        self,
        analyzer: str,
        lo: int,
        hi: int,
        features: Mapping[str, tuple[float, float]] | None = None,
        *,
        weight: Mapping[str, float] | None = None,
        idf2: Mapping[str, float] | None = None,
    ) -> None:
        """From (idf, coefficient) per n-gram, or from `weight` and `idf2` as already folded."""
        if features is not None:
            weight = {g: idf * coef for g, (idf, coef) in features.items()}
            idf2 = {g: idf * idf for g, (idf, _) in features.items()}
        if weight is None or idf2 is None:
            raise TypeError("a Block needs features, or weight and idf2")
        set_ = object.__setattr__  # frozen: set once here
        set_(self, "analyzer", analyzer)
        set_(self, "lo", lo)
        set_(self, "hi", hi)
        set_(self, "weight", weight)
        set_(self, "idf2", idf2)
        set_(self, "_words", {})

    @property
    def features(self) -> Mapping[str, tuple[float, float]]:
        """(idf, coefficient) per n-gram, worked back from what is kept (for tests and inspection: the
        coefficient to within rounding, so nothing that scores reads it)."""
        return _Features(self.weight, self.idf2)

    def grams(self, text: str) -> list[str]:
        if self.analyzer == "word":
            return word_grams(text, self.lo, self.hi)
        return char_wb_grams(text, self.lo, self.hi)

    @property
    def known(self) -> object:
        """What says which n-grams this block counts: blocks sharing it (two heads over the same n-grams)
        give the same counts."""
        return self._words

    def counts(self, text: str) -> Counter[str]:
        """How often each n-gram the model knows occurs in `text` (the others weigh nothing)."""
        if self.analyzer == "word":
            return Counter(filter(self.weight.__contains__, word_grams(text, self.lo, self.hi)))
        words = text.split()
        known = list(map(self._words.get, words))  # looked up in C; only new words take the Python path
        if None in known:
            known = [
                k if k is not None else self._known_in_word(w) for k, w in zip(known, words, strict=True)
            ]
        return Counter(chain.from_iterable(known))  # type: ignore[arg-type]

    def _known_in_word(self, word: str) -> tuple[str, ...]:
        """The known character n-grams of one whitespace-separated word, remembered: a long message
        repeats its words, and this is most of the layer's work."""
        known = self._words.get(word)
        if known is None:
            if len(self._words) >= _WORDS_KEPT:
                self._words.clear()
            known = tuple(filter(self.weight.__contains__, char_wb_grams(word, self.lo, self.hi)))
            self._words[word] = known
        return known

    def part(self, counts: Mapping[str, int]) -> Part:
        """The dot product and squared norm of these counts' tf-idf vector: summed as if each n-gram
        occurred once, then corrected for the few that occur more often (sublinear tf)."""
        weight, idf2 = self.weight, self.idf2
        dot = sum(map(weight.__getitem__, counts))
        norm = sum(map(idf2.__getitem__, counts))
        for gram in [g for g, c in counts.items() if c > 1]:
            tf = _tf(counts[gram])
            dot += (tf - 1.0) * weight[gram]
            norm += (tf * tf - 1.0) * idf2[gram]
        return Part(counts, dot, norm)

    def across(self, before: Sequence[str], after: Sequence[str]) -> list[str]:
        """The word n-grams that span the join of two token lists (none for characters: a join at a
        space adds no word-internal n-gram)."""
        if self.analyzer != "word":
            return []
        out = []
        for n in range(max(self.lo, 2), self.hi + 1):
            for k in range(1, n):  # k tokens before the join, n - k after it
                if k <= len(before) and n - k <= len(after):
                    out.append(" ".join([*before[len(before) - k :], *after[: n - k]]))
        return out

    def weights(self, text: str) -> dict[str, float]:
        """Each known n-gram's contribution to the log-odds (tf-idf, l2-normalised, times its coefficient)."""
        part = self.part(self.counts(text))
        if not part.norm:
            return {}
        scale = 1.0 / math.sqrt(part.norm)
        return {gram: _tf(count) * self.weight[gram] * scale for gram, count in part.counts.items()}

    def per_word(self, text: str) -> dict[str, float]:
        """Each token's share of the contributions: a word n-gram's split among its words, a character
        n-gram's given whole to every token of each word it lies in."""
        weights = self.weights(text)
        out: dict[str, float] = {}
        if self.analyzer == "word":
            for gram, weight in weights.items():
                parts = gram.split(" ")
                for part in parts:
                    out[part] = out.get(part, 0.0) + weight / len(parts)
            return out
        for word in text.split():
            share = sum(weights[g] for g in set(self._known_in_word(word)))
            if share:
                for token in TOKEN.findall(word) or [word]:
                    out[token] = out.get(token, 0.0) + share
        return out


class _Features(Mapping[str, tuple[float, float]]):
    def __init__(self, weight: Mapping[str, float], idf2: Mapping[str, float]) -> None:
        self._weight, self._idf2 = weight, idf2

    def __getitem__(self, gram: str) -> tuple[float, float]:
        idf = math.sqrt(self._idf2[gram])
        return idf, self._weight[gram] / idf

    def __iter__(self) -> Iterator[str]:
        return iter(self._weight)

    def __len__(self) -> int:
        return len(self._weight)


@dataclass(frozen=True)
class Part:
    """One block's reading of one text: the known n-grams' counts, the dot product, the squared norm."""

    counts: Mapping[str, int]
    dot: float
    norm: float

    @property
    def value(self) -> float:
        return self.dot / math.sqrt(self.norm) if self.norm else 0.0


def _tf(count: int) -> float:
    """scikit-learn's sublinear tf."""
    return 1.0 if count == 1 else 1.0 + math.log(count)


_TABLE_SIZE = 100_000
