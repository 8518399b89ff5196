"""The crisis screen's learned layer: a logistic regression on word and character n-grams.

The rules (frames over concepts) miss phrasings nobody wrote a frame for; this model, trained on the
development corpora (benchmarks/train_screen_ngrams.py), reads the same text as TF-IDF n-grams and
can only raise a text to crisis (assess.py). Inference is pure Python (bot/domain/screen/tfidf.py)
and reproduces scikit-learn exactly (the training script checks it on every training text before it
writes the model).
"""

from __future__ import annotations

import ctypes
import json
import logging
import math
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files

from bot.domain.screen.pieces import MIN_PIECE as MIN_PIECE
from bot.domain.screen.pieces import WINDOW as WINDOW
from bot.domain.screen.pieces import _last as _last
from bot.domain.screen.pieces import _pieces as _pieces
from bot.domain.screen.pieces import best_window
from bot.domain.screen.pieces import windows as windows
from bot.domain.screen.tfidf import TOKEN, Block, normalise
from bot.domain.screen.vectors import weights

log = logging.getLogger(__name__)
MODEL_FILE = "screen_ngrams.json"
# Not shown as what drove a verdict: they carry weight only beside the words that mean something.
_FUNCTION_WORDS = frozenset(
    ("the", "and", "it", "if", "to", "of", "in", "on", "for", "is", "be", "this", "that", "im", "id",
     "ve", "ll", "me", "my", "just", "so", "or", "at", "was", "are", "de", "la", "el", "que", "en",
     "lo", "los", "las", "un", "una", "es", "por", "con", "para", "mi", "se", "le", "ya", "y")
)  # fmt: skip


@dataclass(frozen=True)
class Model:
    """The trained model: blocks, bias, and the probability at which a text is read as a crisis."""

    blocks: Sequence[Block]
    bias: float
    thresholds: Mapping[str, float]
    meta: Mapping[str, object]
    relapse: Model | None = None  # the relapse head: the same n-grams, its own weights (learned_relapse)

    def log_odds(self, text: str) -> float:
        """The model's log-odds that `text` (one short message) is a crisis."""
        counts = _counts(self.blocks, normalise(text))
        return self.bias + sum(b.part(c).value for b, c in zip(self.blocks, counts, strict=True))

    def probability(self, text: str) -> float:
        return _sigmoid(self.log_odds(text))

    def threshold(self, lang: str, long: bool = False) -> float:
        """The language's; a long text's (many windows, many chances to cross) its own ("en.long") if any."""
        found = self.thresholds.get(f"{lang}.long") if long else None
        found = self.thresholds.get(lang) if found is None else found
        return self.thresholds["default"] if found is None else found

    def drivers(self, text: str, top: int = 3) -> tuple[str, ...]:
        """The words that pushed `text` most towards crisis, for the reason a clinician reads."""
        prepared = normalise(text)
        per_word: dict[str, float] = {}
        for block in self.blocks:
            for word, weight in block.per_word(prepared).items():
                per_word[word] = per_word.get(word, 0.0) + weight
        ranked = sorted(per_word.items(), key=lambda item: -item[1])
        return tuple(w for w, v in ranked if v > 0 and w not in _FUNCTION_WORDS)[:top]


# The last short text counted, for the blocks whose known n-grams it counted: assess reads a text the rules
# find nothing in with both heads (crisis, then relapse), and they share their n-grams (`Block.known`), as
# pieces._last does for long texts. One entry, replaced as a whole (no lock needed).
_last_counts: list[tuple[str, tuple[object, ...], tuple[Counter[str], ...]]] = []


def _counts(blocks: Sequence[Block], prepared: str) -> tuple[Counter[str], ...]:
    """Each block's counts of the known n-grams in `prepared`, counted once for both heads."""
    key = tuple(block.known for block in blocks)
    last = _last_counts[0] if _last_counts else None
    if last is not None and last[0] == prepared and all(a is b for a, b in zip(last[1], key, strict=True)):
        return last[2]
    counts = tuple(block.counts(prepared) for block in blocks)
    _last_counts[:] = [(prepared, key, counts)]
    return counts


@dataclass(frozen=True)
class Verdict:
    """The model's reading of one text: its highest window's probability and what drove it."""

    probability: float
    crisis: bool
    drivers: tuple[str, ...]
    window: str = ""  # the part of the text that decided (the text itself when short)


def read(model: Model, text: str, lang: str) -> Verdict:
    """The model's verdict on a text of any length (the most worrying of `windows(text)` decides).

    A long text's windows are scored all at once (vectors.py): each sentence's n-grams counted once, a
    pair of neighbouring sentences from its two sentences' counts and what joining them changes, which
    gives the same log-odds as reading the pair afresh (the tests check it) at a fraction of the cost."""
    if len(text) <= WINDOW:
        best, window = model.log_odds(text), text
    else:
        best, window = best_window(model, text)
    probability = _sigmoid(best)
    crisis = probability >= model.threshold(lang, len(text) > WINDOW)
    return Verdict(probability, crisis, model.drivers(window) if crisis else (), window)


def parse(data: Mapping[str, object]) -> Model:
    """A model from its JSON form (see benchmarks/train_screen_ngrams.py for what it holds): per n-gram
    its idf, its crisis weight and (format 2) its relapse weight."""
    blocks, relapse_blocks = [], []
    for raw in data["blocks"]:  # type: ignore[attr-defined]
        lo, hi = int(raw["ngram_range"][0]), int(raw["ngram_range"][1])
        values = raw["features"].items()
        # folded straight from the file's lists (no (idf, coefficient) pairs built on the way: they raised
        # start-up's peak memory); the same products as Block(features=...) computes
        idf2 = {gram: float(v[0]) * float(v[0]) for gram, v in values}
        weight = {gram: float(v[0]) * float(v[1]) for gram, v in values}
        blocks.append(Block(raw["analyzer"], lo, hi, weight=weight, idf2=idf2))
        if "relapse" in data:
            relapse = {gram: float(v[0]) * float(v[2]) for gram, v in values}
            relapse_blocks.append(Block(raw["analyzer"], lo, hi, weight=relapse, idf2=idf2))
            # the same n-grams: one memory of each word's known character n-grams serves both heads
            object.__setattr__(relapse_blocks[-1], "_words", blocks[-1]._words)
    thresholds = {k: float(v) for k, v in data["thresholds"].items()}  # type: ignore[attr-defined]
    meta = data.get("trained", {})
    head = None
    if isinstance(raw_head := data.get("relapse"), Mapping):
        head_thresholds = {k: float(v) for k, v in raw_head["thresholds"].items()}
        head = Model(tuple(relapse_blocks), float(raw_head["bias"]), head_thresholds, meta)  # type: ignore[arg-type]
    return Model(tuple(blocks), float(data["bias"]), thresholds, meta, head)  # type: ignore[arg-type]


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
                    _cached.append(_read())
                except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                    log.error("crisis screen: the learned layer's model does not read (%s); rules only", exc)
                    _cached.append(None)
                give_back_freed()  # the JSON's text and objects, freed as _read returned
    return _cached[0]


def _read() -> Model:
    model = parse(json.loads(files("bot.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")))
    for block in (*model.blocks, *(model.relapse.blocks if model.relapse else ())):
        weights(block)  # built now, not on the first long message a patient sends
    return model


def give_back_freed() -> None:
    """Return to the system the heap the model's JSON took while it was read (glibc's malloc_trim; elsewhere
    nothing). Freed under what the model keeps, in the loading thread's own arena, it stayed resident and no
    later allocation of the bot's main thread could reuse it: with round 16's model 9-14 MB of a 200 MB
    start-up budget (benchmarks/startup.py; round 15's happened to free at the heap's top, given back at once)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


# A rules verdict that framed the text as someone else's or as the past ("my brother killed himself",
# "years ago I tried") is knowledge the n-grams lack: those words look like a crisis to them.
VETO = (".third_person", ".historical")
# A short message the rules find nothing in ("on my way", "i'm going to be late") is where the model's
# evidence is thinnest: TF-IDF weighs its one or two words fully, and everyday plans share words with
# farewells. There the layer asks ("check") unless it is nearly sure; a newcomer found it paging on them.
# Out of fold (benchmarks/train_screen_ngrams.py, 21 writers), one short crisis message the rules missed
# scored 0.9 or more: 0.95 keeps "i'm going to take it easy tonight" (0.94) from paging for it.
SHORT_WORDS = 8
SURE_WHEN_SHORT = 0.95
# Where the rules read a crisis frame as negated ("no, i'm not thinking about ending my life"), the n-grams
# see "ending my life", not the "not": the layer asks unless nearly sure (readings.py says what it cost).
NEGATED = "not:"  # how readings.dismissed names a frame a negation cancelled
SURE_WHEN_NEGATED = 0.85
# Where the rules kept a crisis frame at "check" because it is a question asked of the speaker, a joke or a
# song's words ("me preguntó si he pensado en quitarme la vida, le dije que no", "the lyrics go ..."), the
# n-grams see the frame's words only. Out of fold on 44 writers the layer raised 15 such checks to crisis, all
# benign, no crisis: on a text read whole it pages there only when nearly sure (SURE_WHEN_NEGATED), and else
# adds nothing to the rules' check. Round 16, out of fold on 48 writers (G7 joined) at 0.525: it spared 10 benign
# pages (6 English, 4 Spanish) and cost no crisis; on G7 read by the model trained without it, nothing either way.
FRAMED = (".hypothetical", ".joking", ":told_in_media")
# Alone (the rules found nothing, or only a craving), a head needs this many words that carry meaning
# (not `_FUNCTION_WORDS`): on "si", "ya voy", "ayer", "anoche", "a las 9 de la noche" its evidence is one
# or two common words, and a newcomer saw every Spanish patient asked "are you safe?" or told of a
# relapse for them. Out of fold on the 30 writers, no crisis or relapse the heads raised alone had fewer
# than 3 (one benign "si" and one idiom, "i'm at the end of my rope", had).
MIN_CONTENT_WORDS = 3


def content_words(text: str) -> int:
    """How many of the text's words carry meaning (tokens of two letters or more, not function words)."""
    found = TOKEN.findall(normalise(text))
    return len(found) - sum(map(_FUNCTION_WORDS.__contains__, found))


def is_framed(text: str, reasons: Sequence[str]) -> bool:
    """A text read whole (not in windows) the rules keep at check as asked, joked or sung (`FRAMED`)."""
    return len(text) <= WINDOW and any(r.startswith("check:") and r.endswith(FRAMED) for r in reasons)


def is_short(text: str, reasons: Sequence[str]) -> bool:
    """A short text the rules find nothing in (`SHORT_WORDS`), or one of fewer than `MIN_CONTENT_WORDS` words
    that carry meaning whatever they found: over a check ("i want to be alone", check:isolating, p 0.61) two
    words are thin evidence too. Out of fold on 44 writers (round 15), no check the layer raised to crisis had
    fewer than three, crisis or benign; a newcomer saw "i want to be alone" paged. Round 16, 48 writers: it decides
    two texts labelled check and no crisis or benign one; on G7 it decided nothing."""
    return (not reasons and len(text.split()) <= SHORT_WORDS) or content_words(text) < MIN_CONTENT_WORDS


def learned_reason(
    text: str,
    lang: str,
    reasons: Sequence[str],
    model: Model | None = None,
    set_aside: Callable[[str], Sequence[str]] = lambda _: (),
) -> str | None:
    """``crisis:learned("pills", "tonight", ...)`` when the model reads a crisis the rules did not
    score as one; None when it does not, or when the rules framed a crisis frame as not the speaker's now.
    When the rules read the part of the text that decided (`set_aside(window)`, asked only then:
    readings.py) as an idiom, a check that names it: ``check:learned("kill").read_as_benign(abuse)``; a
    short text the rules find nothing in, a check unless the model is nearly sure (``.short``)."""
    if any(r.startswith("crisis:") for r in reasons):
        return None
    if any(r.startswith("check:") and r.endswith(VETO) for r in reasons):
        return None
    if not reasons and content_words(text) < MIN_CONTENT_WORDS:
        return None
    model = model or shipped()
    if model is None:
        return None  # logged once when it failed to read
    verdict = read(model, text, lang)
    if not verdict.crisis:
        return None
    learned = "learned(" + ", ".join(f'"{w}"' for w in verdict.drivers) + ")"
    aside = set_aside(verdict.window)
    if benign := [f for f in aside if not f.startswith(NEGATED)]:
        return f"check:{learned}.read_as_benign({', '.join(benign)})"
    if aside and verdict.probability < SURE_WHEN_NEGATED:
        return f"check:{learned}.negated({', '.join(f.removeprefix(NEGATED) for f in aside)})"
    if is_short(text, reasons) and verdict.probability < SURE_WHEN_SHORT:
        return f"check:{learned}.short"
    if is_framed(text, reasons) and verdict.probability < SURE_WHEN_NEGATED:
        return None  # the rules' own check stands, as they read it
    return f"crisis:{learned}"


def relapse_may_raise(text: str, reasons: Sequence[str]) -> bool:
    """Whether the relapse head may raise a text the rules read so: only where they found nothing, or a
    craving (a use the rules did not read as one); never over a relapse, a check or a crisis; and only
    a text of `MIN_CONTENT_WORDS` or more."""
    return all(r.startswith("craving:") for r in reasons) and content_words(text) >= MIN_CONTENT_WORDS


def learned_relapse(text: str, lang: str, reasons: Sequence[str], model: Model | None = None) -> str | None:
    """``relapse:learned("recai", ...)`` when the relapse head reads a disclosure of use the rules read
    nothing (or only a craving) in: slang and euphemisms nobody wrote a frame for ("me puse hasta las
    chanclas"). It tells the counselor (not urgent) and pages nobody."""
    if not relapse_may_raise(text, reasons):
        return None
    model = model or shipped()
    head = model.relapse if model is not None else None
    if head is None or lang not in head.thresholds:
        return None  # a model of format 1, none read (logged once), or a language the head does not read
    verdict = read(head, text, lang)
    if not verdict.crisis:  # the head's "crisis" is its own positive class: a relapse
        return None
    return "relapse:learned(" + ", ".join(f'"{w}"' for w in verdict.drivers) + ")"
