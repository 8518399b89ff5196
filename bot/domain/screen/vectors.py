"""A long text's windows scored all at once (ngrams.read), with numpy: the arithmetic of `Block.part`
(tfidf.py) and of a pair read afresh, in C.

A 4,096-character message is some 8,000 character n-grams in a dozen or more sentences and as many
pairs of them; counted and summed one by one in Python that was 10-15 ms, five times the screen's
budget for a whole message. Here every known n-gram occurrence is one integer, (piece, feature), and
one sort counts them all; a pair of neighbouring pieces is their two sums plus what joining them
changes (n-grams both hold, word pairs across the join), and each window's dot product and squared norm
are a few array operations (tests/domain/screen/test_ngrams.py and test_speed_paths.py check them
against the definition read plainly). numpy comes with matplotlib (pyproject.toml), pinned in the locks.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import is_

import numpy as np
import numpy.typing as npt

from bot.domain.screen.tfidf import Block, char_wb_grams, token_grams

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
_NONE: Ints = np.empty(0, dtype=np.int64)
_WORDS_KEPT = 20_000  # words whose known character n-grams are remembered as arrays


@dataclass(frozen=True)
class Grams:
    """The n-grams as integers, shared by the blocks that count the same n-grams (`Block.known`: the two
    heads), and each word's known character n-grams as an array of them, remembered."""

    index: dict[str, int]
    words: dict[str, Ints]

    def in_word(self, word: str, block: Block) -> Ints:
        found = self.words.get(word)
        if found is None:
            if len(self.words) >= _WORDS_KEPT:
                self.words.clear()
            grams = char_wb_grams(word, block.lo, block.hi)
            known = [self.index[g] for g in grams if g in self.index]
            found = self.words[word] = np.array(known, dtype=np.int64)
        return found


@dataclass(frozen=True)
class Weights:
    """One block's idf x coefficient and idf squared per n-gram, as arrays indexed by `Grams.index`."""

    grams: Grams
    weight: Floats
    idf2: Floats


_lock = threading.Lock()
_shared: dict[int, tuple[object, Grams]] = {}  # id(block.known) -> (block.known, its Grams)
_built: dict[int, tuple[Block, Weights]] = {}  # id(block) -> (block, its Weights)
_KEPT = 64  # models built at once (the shipped one has four blocks; tests build small ones)


def weights(block: Block) -> Weights:
    """The block's arrays, built on first use (ngrams.shipped builds the shipped model's as it loads)."""
    found = _built.get(id(block))
    if found is not None and found[0] is block:
        return found[1]
    with _lock:
        known = _shared.get(id(block.known))
        if known is None or known[0] is not block.known:
            if len(_shared) >= _KEPT:
                _shared.clear()
            known = (block.known, Grams({g: k for k, g in enumerate(block.weight)}, {}))
            _shared[id(block.known)] = known
        grams, size = known[1], len(block.weight)
        order = np.fromiter(map(grams.index.__getitem__, block.weight), np.int64, size)
        weight, idf2 = np.zeros(len(grams.index)), np.zeros(len(grams.index))
        weight[order] = np.fromiter(block.weight.values(), np.float64, size)
        idf2[order] = np.fromiter(block.idf2.values(), np.float64, size)
        built = Weights(grams, weight, idf2)
        if len(_built) >= _KEPT:
            _built.clear()
        _built[id(block)] = (block, built)
        return built


@dataclass(frozen=True)
class Tally:
    """One block's known n-grams in a text's pieces: per (piece, feature) that occurs, the feature, the
    piece and its sublinear tf; and per pair read (piece k and k + 1, k in `pairs`), what joining them
    changes: only n-grams both hold or that lie across the join (`Block.joined`), each with the change of
    its tf and of its tf squared. It depends on the n-grams only, so the two heads share it."""

    feature: Ints
    piece: Ints
    tf: Floats
    pairs: Ints
    changed: Ints  # the feature of each change
    pair: Ints  # its pair (an index into `pairs`)
    dtf: Floats
    dtf2: Floats

    def values(self, block: Block, pieces: int) -> Floats:
        """Each piece's, then each pair's share of the log-odds: dot / sqrt(norm), 0 when it holds none."""
        arrays = weights(block)
        dot = np.bincount(self.piece, self.tf * arrays.weight[self.feature], pieces)
        norm = np.bincount(self.piece, self.tf * self.tf * arrays.idf2[self.feature], pieces)
        if len(self.pairs):
            read = len(self.pairs)
            joined = dot[self.pairs] + dot[self.pairs + 1]
            joined += np.bincount(self.pair, self.dtf * arrays.weight[self.changed], read)
            joined_norm = norm[self.pairs] + norm[self.pairs + 1]
            joined_norm += np.bincount(self.pair, self.dtf2 * arrays.idf2[self.changed], read)
            dot, norm = np.concatenate((dot, joined)), np.concatenate((norm, joined_norm))
        out = np.zeros(len(dot))
        np.divide(dot, np.sqrt(norm), out=out, where=norm > 0)
        return out


def tally(block: Block, prepared: Sequence[str], tokens: Sequence[list[str]], pairs: Sequence[int]) -> Tally:
    """The known n-grams of each preprocessed piece (`tokens`: its `TOKEN`s), and what changes in each pair
    (piece k, piece k + 1) for k in `pairs`, joined at white space: n-grams both hold, and those `across`."""
    grams = weights(block).grams
    ids, owner = _occurrences(block, grams, prepared, tokens)
    features = len(grams.index)
    unique, counts = np.unique(owner * features + ids, return_counts=True)
    feature, piece = unique % features, unique // features
    starts = np.asarray(pairs, dtype=np.int64)
    if not pairs:
        return Tally(feature, piece, _tf(counts), starts, _NONE, _NONE, _FLOATS, _FLOATS)
    ending = np.full(len(prepared) + 1, -1, dtype=np.int64)  # piece -> the pair it ends (-1: none)
    ending[starts + 1] = np.arange(len(pairs))
    second = ending[piece] >= 0
    # (pair, feature) of each change: a feature of a pair's second piece that its first holds too ...
    common = _count_at(unique, counts, unique[second] - features) > 0
    keys = [ending[piece[second][common]] * features + feature[second][common]]
    if block.analyzer == "word":  # ... and the word n-grams across the join (none for characters)
        across = [block.across(tokens[k], tokens[k + 1]) for k in pairs]
        found = np.fromiter(map(grams.index.get, chain.from_iterable(across), repeat(-1)), np.int64)
        pair = np.repeat(np.arange(len(pairs), dtype=np.int64), list(map(len, across)))
        keys.append(pair[found >= 0] * features + found[found >= 0])
    extra, more = np.unique(keys[-1], return_counts=True) if len(keys) > 1 else (_NONE, _NONE)
    change = np.unique(np.concatenate(keys))
    pair, changed = change // features, change % features
    first = starts[pair] * features + changed
    one, two = _count_at(unique, counts, first), _count_at(unique, counts, first + features)
    t1, t2 = _tf(one), _tf(two)
    total = _tf(one + two + _count_at(extra, more, change))
    return Tally(
        feature, piece, _tf(counts), starts, changed, pair, total - t1 - t2, total * total - t1 * t1 - t2 * t2
    )


_FLOATS: Floats = np.empty(0)


def _tf(counts: Ints) -> Floats:
    """scikit-learn's sublinear tf, 0 for none."""
    out = np.zeros(len(counts))
    np.log(counts, out=out, where=counts > 0)
    out[counts > 0] += 1.0
    return out


def _count_at(keys: Ints, counts: Ints, wanted: Ints) -> Ints:
    """The count of each wanted key among sorted `keys` (0 where it is not one)."""
    if not len(keys):
        return np.zeros(len(wanted), dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[at] == wanted, counts[at], 0)


def _occurrences(
    block: Block, grams: Grams, prepared: Sequence[str], tokens: Sequence[list[str]]
) -> tuple[Ints, Ints]:
    """Every known n-gram occurrence of the pieces (`tokens`: each one's `TOKEN`s): feature and piece."""
    pieces = np.arange(len(prepared), dtype=np.int64)
    if block.analyzer == "word":
        each = [token_grams(t, block.lo, block.hi) for t in tokens]
        found = np.fromiter(map(grams.index.get, chain.from_iterable(each), repeat(-1)), np.int64)
        owner = np.repeat(pieces, list(map(len, each)))
        kept = found >= 0
        return found[kept], owner[kept]
    words = [p.split() for p in prepared]
    known = list(map(grams.words.get, chain.from_iterable(words)))
    if any(map(is_, known, repeat(None))):  # (`None in known` would compare arrays)
        flat = chain.from_iterable(words)
        known = [k if k is not None else grams.in_word(w, block) for k, w in zip(known, flat, strict=True)]
    if not known:
        return _NONE, _NONE
    arrays: list[Ints] = known  # type: ignore[assignment]  # none is missing now
    owner = np.repeat(np.repeat(pieces, list(map(len, words))), list(map(len, arrays)))
    return np.concatenate(arrays), owner
