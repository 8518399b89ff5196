"""The crisis screen's learned layer: a logistic regression on word and character n-grams.

The rules (frames over concepts) miss phrasings nobody wrote a frame for; this model, trained on the
development corpora (benchmarks/train_screen_ngrams.py), reads the same text as TF-IDF n-grams and
can only raise a text to crisis (assess.py). Inference is pure Python and reproduces scikit-learn's
analyzers exactly (the training script checks it on every training text before it writes the model):
word 1-2 grams over the tokens ``(?u)\\b\\w\\w+\\b``, ``char_wb`` n-grams of each whitespace-separated
word padded with one space, sublinear tf, idf, each block l2-normalised, then a dot product.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from itertools import pairwise

log = logging.getLogger(__name__)
MODEL_FILE = "screen_ngrams.json"
TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE = re.compile(r"\s\s+")
# The model was trained on short messages: a long check-in is read in windows of about this many
# characters (whole sentences where they fit), so a crisis buried in it is not diluted by the rest.
WINDOW = 300
# Not shown as what drove a verdict: they carry weight only beside the words that mean something.
_FUNCTION_WORDS = frozenset(
    ("the", "and", "it", "if", "to", "of", "in", "on", "for", "is", "be", "this", "that", "im", "id",
     "ve", "ll", "me", "my", "just", "so", "or", "at", "was", "are", "de", "la", "el", "que", "en",
     "lo", "los", "las", "un", "una", "es", "por", "con", "para", "mi", "se", "le", "ya", "y")
)  # fmt: skip
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?\n]+|$)")


def normalise(text: str) -> str:
    """Lower case without accents: the preprocessor the model was trained with."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def word_grams(text: str, lo: int, hi: int) -> list[str]:
    """scikit-learn's word analyzer on preprocessed text: tokens, then n-grams joined by a space."""
    tokens = TOKEN.findall(text)
    out = list(tokens) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, len(tokens)) + 1):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
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


@dataclass(frozen=True)
class Block:
    """One TF-IDF block: its analyzer and, per kept n-gram, (idf, coefficient)."""

    analyzer: str
    lo: int
    hi: int
    features: Mapping[str, tuple[float, float]]

    def grams(self, text: str) -> list[str]:
        if self.analyzer == "word":
            return word_grams(text, self.lo, self.hi)
        return char_wb_grams(text, self.lo, self.hi)

    def weights(self, text: str) -> dict[str, float]:
        """Each known n-gram's contribution to the log-odds (tf-idf, l2-normalised, times its coefficient)."""
        known = {}
        norm = 0.0
        for gram, count in Counter(self.grams(text)).items():
            entry = self.features.get(gram)
            if entry is not None:
                value = (1.0 + math.log(count)) * entry[0]
                known[gram] = (value, entry[1])
                norm += value * value
        if not norm:
            return {}
        scale = 1.0 / math.sqrt(norm)
        return {gram: value * scale * coef for gram, (value, coef) in known.items()}


@dataclass(frozen=True)
class Model:
    """The trained model: blocks, bias, and the probability at which a text is read as a crisis."""

    blocks: Sequence[Block]
    bias: float
    thresholds: Mapping[str, float]
    meta: Mapping[str, object]

    def log_odds(self, text: str) -> float:
        """The model's log-odds that `text` (one short message) is a crisis."""
        prepared = normalise(text)
        return self.bias + sum(sum(b.weights(prepared).values()) for b in self.blocks)

    def probability(self, text: str) -> float:
        return _sigmoid(self.log_odds(text))

    def threshold(self, lang: str) -> float:
        return self.thresholds.get(lang, self.thresholds["default"])

    def drivers(self, text: str, top: int = 3) -> tuple[str, ...]:
        """The words that pushed `text` most towards crisis, for the reason a clinician reads."""
        prepared = normalise(text)
        per_word: dict[str, float] = {}
        for block in self.blocks:
            for gram, weight in block.weights(prepared).items():
                if block.analyzer == "word":
                    parts = gram.split(" ")
                    for part in parts:
                        per_word[part] = per_word.get(part, 0.0) + weight / len(parts)
                else:
                    for word in _WHITE.sub(" ", prepared).split():
                        if gram in f" {word} ":
                            for token in TOKEN.findall(word) or [word]:
                                per_word[token] = per_word.get(token, 0.0) + weight
        ranked = sorted(per_word.items(), key=lambda item: -item[1])
        return tuple(w for w, v in ranked if v > 0 and w not in _FUNCTION_WORDS)[:top]


def windows(text: str, size: int = WINDOW) -> list[str]:
    """`text` itself when short; else each sentence and each pair of neighbouring sentences that fits
    in `size` characters (a sentence longer than that is cut at spaces). Beside a page of an ordinary
    day, one sentence of crisis is diluted below the threshold; alone it is what the model learned
    from. Linear: every character is read at most three times."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    for sentence in _SENTENCE.findall(text):
        while len(sentence) > size:  # one long run-on sentence: cut at a space
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > 0 else size
            pieces.append(sentence[:cut])
            sentence = sentence[cut:]
        if sentence.strip():
            pieces.append(sentence)
    pairs = [a + b for a, b in pairwise(pieces) if len(a) + len(b) <= size]
    return pieces + pairs


@dataclass(frozen=True)
class Verdict:
    """The model's reading of one text: its highest window's probability and what drove it."""

    probability: float
    crisis: bool
    drivers: tuple[str, ...]


def read(model: Model, text: str, lang: str) -> Verdict:
    """The model's verdict on a text of any length (the most worrying window decides)."""
    best, best_window = -math.inf, ""
    for window in windows(text):
        score = model.log_odds(window)
        if score > best:
            best, best_window = score, window
    probability = _sigmoid(best)
    crisis = probability >= model.threshold(lang)
    return Verdict(probability, crisis, model.drivers(best_window) if crisis else ())


def parse(data: Mapping[str, object]) -> Model:
    """A model from its JSON form (see benchmarks/train_screen_ngrams.py for what it holds)."""
    blocks = []
    for raw in data["blocks"]:  # type: ignore[attr-defined]
        features = {gram: (float(v[0]), float(v[1])) for gram, v in raw["features"].items()}
        blocks.append(
            Block(raw["analyzer"], int(raw["ngram_range"][0]), int(raw["ngram_range"][1]), features)
        )
    thresholds = {k: float(v) for k, v in data["thresholds"].items()}  # type: ignore[attr-defined]
    meta = data.get("trained", {})
    return Model(tuple(blocks), float(data["bias"]), thresholds, meta)  # type: ignore[arg-type]


_lock = threading.Lock()
_cached: list[Model | None] = []


def shipped() -> Model | None:
    """The shipped model (bot/data/screen_ngrams.json), read once (a few tens of milliseconds); None, with
    an ERROR, when it does not read: the rules still screen every message, so a damaged install must not
    make the crisis screen raise on each one."""
    if not _cached:
        with _lock:
            if not _cached:
                try:
                    text = files("bot.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
                    _cached.append(parse(json.loads(text)))
                except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                    log.error("crisis screen: the learned layer's model does not read (%s); rules only", exc)
                    _cached.append(None)
    return _cached[0]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


# A rules verdict that framed the text as someone else's or as the past ("my brother killed himself",
# "years ago I tried") is knowledge the n-grams lack: those words look like a crisis to them.
VETO = (".third_person", ".historical")


def learned_reason(text: str, lang: str, reasons: Sequence[str], model: Model | None = None) -> str | None:
    """``crisis:learned("pills", "tonight", ...)`` when the model reads a crisis the rules did not
    score as one; None when it does not, or when the rules framed a crisis frame as not the speaker's now."""
    if any(r.startswith("crisis:") for r in reasons):
        return None
    if any(r.startswith("check:") and r.endswith(VETO) for r in reasons):
        return None
    model = model or shipped()
    if model is None:
        return None  # logged once when it failed to read
    verdict = read(model, text, lang)
    if not verdict.crisis:
        return None
    return "crisis:learned(" + ", ".join(f'"{w}"' for w in verdict.drivers) + ")"
