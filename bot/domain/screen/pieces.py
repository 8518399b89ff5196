"""A long message as the n-gram layer reads it (bot/domain/screen/ngrams.py): its sentences, and pieces
and windows of them that fit what the model was trained on."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from bot.domain.screen.tfidf import TOKEN, normalise
from bot.domain.screen.vectors import Tally, tally

if TYPE_CHECKING:
    from bot.domain.screen.ngrams import Model

# The model was trained on short messages: a long check-in is read in windows of about this many
# characters (whole sentences where they fit), so a crisis buried in it is not diluted by the rest.
WINDOW = 300
# A sentence ends at a run of . ! ? or a line break followed by white space or the end ("e.g.", "3.5",
# "x.y" go on): so neighbouring sentences meet at white space, and their pair is scored from their sums.
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))*(?:[.!?\n]+|$)")
# Neighbouring sentences shorter than this are read as one piece ("ok. lol. yes."): each piece costs its
# own reading, and a page of one-word sentences would otherwise cost ten times a page of prose.
MIN_PIECE = 40


def _pieces(text: str, size: int) -> list[tuple[str, bool]]:
    """Each sentence of `text` (a sentence longer than `size` cut at spaces; short neighbours together, see
    `MIN_PIECE`), and whether it was cut inside a word (then it does not join its neighbour cleanly, see
    `read`)."""
    pieces: list[tuple[str, bool]] = []
    for sentence in _SENTENCE.findall(text):
        while len(sentence) > size:  # one long run-on sentence: cut at a space
            cut = sentence.rfind(" ", 0, size)
            inside = cut <= 0
            cut = cut if cut > 0 else size
            pieces.append((sentence[:cut], inside))
            sentence = sentence[cut:]
        if not sentence.strip():
            continue
        if pieces and len(sentence) < MIN_PIECE and len(pieces[-1][0]) < MIN_PIECE and not pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + sentence, False)
        else:
            pieces.append((sentence, False))
    return pieces


def windows(text: str, size: int = WINDOW) -> list[str]:
    """`text` itself when short; else each sentence and each pair of neighbouring sentences that fits
    in `size` characters (a sentence longer than that is cut at spaces). Beside a page of an ordinary
    day, one sentence of crisis is diluted below the threshold; alone it is what the model learned
    from. Linear: every character is read at most three times."""
    if len(text) <= size:
        return [text]
    pieces = [p for p, _ in _pieces(text, size)]
    pairs = [a + b for a, b in pairwise(pieces) if len(a) + len(b) <= size]
    return pieces + pairs


_TIE = 1e-12  # log-odds this close are equal: sums in another order differ by about 1e-15


@dataclass(frozen=True)
class _Read:
    """A long text as the layer reads it: its pieces, the pairs of neighbours that fit a window (k: piece k
    and k + 1), whether each joins at white space (then scored from the tallies; else read afresh), and
    each block's tally of the pieces and of the pairs that join cleanly (vectors.py)."""

    pieces: list[str]
    pairs: list[int]
    clean: list[bool]
    tallies: tuple[Tally, ...]


# The last long text counted, for the blocks whose known n-grams it counted: assess reads a text the
# rules find nothing in with both heads (crisis, then relapse), and they share their n-grams. One entry,
# replaced as a whole (no lock needed).
_last: list[tuple[str, tuple[object, ...], _Read]] = []


def _counted(model: Model, text: str) -> _Read:
    """`text` counted once for every head that shares these n-grams (`Block.known`)."""
    key = tuple(block.known for block in model.blocks)
    last = _last[0] if _last else None
    if last is not None and last[0] == text and all(a is b for a, b in zip(last[1], key, strict=True)):
        return last[2]
    cut_pieces = _pieces(text, WINDOW)
    pieces = [p for p, _ in cut_pieces]
    prepared = list(map(normalise, pieces))
    pairs, clean = [], []
    for k in range(len(pieces) - 1):
        if len(pieces[k]) + len(pieces[k + 1]) <= WINDOW:
            pairs.append(k)  # a join inside a word (a cut, or no space) changes the words: read afresh
            clean.append(
                not cut_pieces[k][1] and (prepared[k][-1:].isspace() or prepared[k + 1][:1].isspace())
            )
    tokens = list(map(TOKEN.findall, prepared))
    joined = [k for k, c in zip(pairs, clean, strict=True) if c]
    read = _Read(pieces, pairs, clean, tuple(tally(b, prepared, tokens, joined) for b in model.blocks))
    _last[:] = [(text, key, read)]
    return read


def best_window(model: Model, text: str) -> tuple[float, str]:
    """The highest log-odds of any piece or pair, and that window (the first of equals)."""
    counted = _counted(model, text)
    pieces, clean = counted.pieces, counted.clean
    if not pieces:
        return -math.inf, ""
    scores = np.zeros(len(pieces) + clean.count(True))  # the pieces, then the pairs joined at a space
    for block, counts in zip(model.blocks, counted.tallies, strict=True):
        scores += counts.values(block, len(pieces))
    scores += model.bias
    joined = iter(scores[len(pieces) :].tolist())
    pairs = [
        next(joined) if c else model.log_odds(pieces[k] + pieces[k + 1])
        for k, c in zip(counted.pairs, clean, strict=True)
    ]
    every = [*scores[: len(pieces)].tolist(), *pairs]
    # The first window within rounding of the highest, in reading order: windows whose n-grams occur in
    # the same proportions ("ok. ok. ok.") score the same, and the order of a sum must not pick among them.
    top = max(every) - _TIE
    best = next(k for k, score in enumerate(every) if score >= top)
    if best < len(pieces):
        return every[best], pieces[best]
    k = counted.pairs[best - len(pieces)]
    return every[best], pieces[k] + pieces[k + 1]
