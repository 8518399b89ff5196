"""A long message as the n-gram layer reads it (bot/domain/screen/ngrams.py): its sentences, and pieces
and windows of them that fit what the model was trained on."""

from __future__ import annotations

import re
from itertools import pairwise

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
