"""An optional learned layer over the rule-based screen: it can raise a level, never lower one.

A logistic regression (weights in bot/data/screen_model.json, trained by
``python -m benchmarks.screen_learned train`` with the standard library only) scores features that
carry across writers: the screen's own concept tags, pairs of concepts near each other in a clause,
concepts with a negation just before them, lemmas and lemma pairs, and the frames the rules fired.
When the probability of a crisis passes the threshold measured on writers the model never saw, the
text gets a reason such as ``crisis:learned(DIE+TONIGHT, "bridge")`` naming its strongest features,
so a clinician can see why. Pure Python at run time; a few microseconds per message.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from bot.domain.screen.lemmas import lemma
from bot.domain.screen.rules import RANK, Rules
from bot.domain.screen.tag import Clause
from bot.domain.screen.text import CLAUSE_END, tokens

log = logging.getLogger(__name__)
# Off for now. On five writers it never saw it added 3-13 points of crisis recall per writer and
# language for 3 more benign texts scored crisis out of 865 (README, "The learned layer"), but it pages
# on hard negatives the rules' unit tests pin: idioms the rules read as benign without a concept that
# marks them ("my mom is gonna kill me if i leave the dishes"). True: rules + layer (measure first).
ENABLED = False
MODEL = "screen_model.json"
# The model was trained on messages of at most ~320 characters; on longer ones its summed evidence is
# out of its range (more words, more features), so the rules alone screen them.
MAX_CHARS = 400
PAIR_WINDOW = 4  # concepts at most this many words apart in one clause make a pair
NEG_REACH = 3  # a negation this many words before a concept marks it
_FRAMING = frozenset({"NEG", "THIRD", "HIST", "HYPO"})
BENIGN_READING = "x:benign_reading"
LOWERED = frozenset({"c:HIST", "c:HYPO", BENIGN_READING})


@dataclass(frozen=True)
class Model:
    """Weights per level ("crisis"): bias, feature weights and the threshold on P per language.
    ``partners`` maps a concept to those it has a weighted pair with: other pairs weigh nothing, so
    they are not built (a long message costs its words, not its words x concepts squared)."""

    levels: dict[str, tuple[float, dict[str, float], dict[str, float]]]
    partners: dict[str, frozenset[str]] | None = None

    def score(self, level: str, found: set[str]) -> float:
        bias, weights, _ = self.levels[level]
        z = bias + sum(weights.get(f, 0.0) for f in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def strongest(self, level: str, found: set[str], n: int = 3) -> list[str]:
        """The features that pushed hardest towards `level`, leaving out grammar alone ("in the",
        ARTICLE+FIRST) when anything else pushed: a clinician reads these."""
        weights = self.levels[level][1]
        ranked = sorted((f for f in found if weights.get(f, 0.0) > 0), key=lambda f: (-weights[f], f))
        telling = [f for f in ranked if not _grammar(f)]
        return (telling or ranked)[:n]


# Words and concepts that carry grammar, not meaning, in an explanation (they still count in the score).
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "be",
        "but",
        "de",
        "do",
        "el",
        "en",
        "for",
        "have",
        "i",
        "in",
        "is",
        "it",
        "la",
        "las",
        "lo",
        "los",
        "me",
        "mi",
        "my",
        "of",
        "on",
        "que",
        "se",
        "so",
        "that",
        "the",
        "this",
        "to",
        "un",
        "una",
        "y",
        "yo",
    ]
)
_GRAMMAR = frozenset({"ARTICLE", "FIRST", "ME", "OF", "OTHER_OBJ", "THIRD", "WHEN", "IF", "WITH_PLACE"})


def _grammar(feature: str) -> bool:
    kind, _, name = feature.partition(":")
    if kind in ("l", "b"):
        return all(w in _FUNCTION for w in name.split("_"))
    if kind in ("c", "p", "n"):
        return all(c in _GRAMMAR for c in name.split("+"))
    return False


def parse_model(raw: dict[str, object]) -> Model:
    levels: dict[str, tuple[float, dict[str, float], dict[str, float]]] = {}
    for level, spec in raw["levels"].items():  # type: ignore[attr-defined]
        levels[level] = (float(spec["bias"]), dict(spec["weights"]), dict(spec["threshold"]))
    partners: dict[str, set[str]] = {}
    for _, weights, _ in levels.values():
        for f in weights:
            if f.startswith("p:"):
                a, b = f[2:].split("+")
                partners.setdefault(a, set()).add(b)
                partners.setdefault(b, set()).add(a)
    return Model(levels, {c: frozenset(p) for c, p in partners.items()})


@cache
def shipped_model() -> Model | None:
    """The shipped weights, read once; None when no model is shipped."""
    path = files("bot.data").joinpath(MODEL)
    if not path.is_file():
        log.error("crisis screen: %s is missing; screening with the rules alone", MODEL)
        return None
    return parse_model(json.loads(path.read_text(encoding="utf-8")))


def features(
    text: str,
    lang: str,
    clauses: list[tuple[Clause, int]],
    reasons: tuple[str, ...],
    rules: Rules,
    partners: dict[str, frozenset[str]] | None = None,
) -> set[str]:
    """The features of one text: concepts, near concept pairs (only those in `partners`, when
    given), negated concepts, lemmas, lemma pairs, and the reasons the rules gave."""
    found: set[str] = set()
    for clause, _ in clauses:
        negations = ["NEG" in concepts for concepts in clause]
        for k, concepts in enumerate(clause):
            if not concepts:
                continue
            negated = any(negations[max(0, k - NEG_REACH) : k])
            for c in concepts:
                found.add("c:" + c)
                if negated and c not in _FRAMING:
                    found.add("n:" + c)
            near = clause[k + 1 : k + 1 + PAIR_WINDOW]
            for a in concepts:
                mates = partners.get(a) if partners is not None else None
                if partners is not None and not mates:
                    continue
                for other in near:
                    for b in other & mates if mates is not None else other:
                        if a != b:
                            found.add("p:" + (a + "+" + b if a < b else b + "+" + a))
    spelling = rules.spelling
    previous = ""
    for raw in tokens(text):
        if raw in CLAUSE_END:
            previous = ""
            continue
        word = lemma(spelling.get(raw, raw), lang)
        found.add("l:" + word)
        if previous:
            found.add("b:" + previous + "_" + word)
        previous = word
    for reason in reasons:
        found.add("r:" + reason)
        found.add("v:" + reason.split(":", 1)[0])
    if _benign_reading(clauses, lang, rules):
        found.add(BENIGN_READING)
    return found


_STOPS: dict[tuple[int, str], list[tuple[frozenset[str], tuple[frozenset[str], ...]]]] = {}


def _benign_reading(clauses: list[tuple[Clause, int]], lang: str, rules: Rules) -> bool:
    """Whether a clause holds every slot of a crisis frame and one of the words that frame's rules
    read as benign (its blockers and `unless`): "wake up till noon", "cut the grass"."""
    key = (id(rules), lang)
    stops = _STOPS.get(key)
    if stops is None:
        # (several frames share a name; one entry per frame, not per name or per slot order)
        frames = {id(c[0]): c[0] for c in rules.for_language(lang).table if c[0].level == "crisis"}
        stops = [(f.blockers | f.unless, f.slots) for f in frames.values() if f.blockers or f.unless]
        if len(_STOPS) > 16:
            _STOPS.clear()  # a clinic's rules reloaded many times must not grow it without end
        _STOPS[key] = stops
    for clause, _ in clauses:
        seen: set[str] = set().union(*clause)
        for stop, slots in stops:
            if not stop.isdisjoint(seen) and all(not slot.isdisjoint(seen) for slot in slots):
                return True
    return False


def raised(
    text: str, lang: str, clauses: list[tuple[Clause, int]], reasons: tuple[str, ...], rules: Rules
) -> tuple[str, ...]:
    """The rules' reasons (most severe first) with the learned ones added: it only adds, so it can
    raise the level, never lower it."""
    model = shipped_model() if ENABLED else None
    if model is None or len(text) > MAX_CHARS or (reasons and reasons[0].startswith("crisis:")):
        return reasons
    added = raise_level(model, features(text, lang, clauses, reasons, rules, model.partners), lang, reasons)
    if not added:
        return reasons
    return tuple(sorted((*reasons, *added), key=lambda r: -RANK[r.split(":", 1)[0]]))


def explain(found: list[str]) -> str:
    """Features as a clinician reads them: concept pairs as A+B, words quoted."""
    out = []
    for f in found:
        kind, _, name = f.partition(":")
        if kind in ("l", "b"):
            out.append('"' + name.replace("_", " ") + '"')
        elif kind == "n":
            out.append("not " + name)
        elif kind == "r":
            out.append("rule " + name)
        else:
            out.append(name)
    return ", ".join(out)


def raise_level(model: Model, found: set[str], lang: str, reasons: tuple[str, ...]) -> list[str]:
    """The learned reasons to add: one per level the model is sure of and the rules did not fire
    (a crisis already fired covers a relapse too). It speaks where the rules saw no risk: a check
    they gave (one sign alone, asked about on purpose) stays a check. As in the rules, historical or
    hypothetical framing ("back then I thought...", "if I ever..."), or a benign reading the rules
    recognised ("till noon" beside "not wake up"), makes a learned crisis a check."""
    if any(r.startswith(("crisis:", "check:")) for r in reasons):
        return []
    added = []
    for level, (_, _, thresholds) in model.levels.items():
        threshold = thresholds.get(lang)
        if threshold is None or any(r.startswith(level + ":") for r in reasons):
            continue
        if model.score(level, found) >= threshold:
            lowered = level == "crisis" and not LOWERED.isdisjoint(found)
            added.append(f"{'check' if lowered else level}:learned({explain(model.strongest(level, found))})")
    return added
