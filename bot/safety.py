"""Crisis-language screening: ``assess(text)`` says how worrying a text is, and why.

Concept-based rather than phrase-based: the text is normalised and lemmatised
(bot/screen_text.py), each word or short phrase is mapped to clinical concept classes, and a
frame (config/screen_frames.toml, grounded in the Columbia Protocol's screener) fires when its
concepts meet in one clause. Negation in the clause cancels a frame; third-person, historical
and hypothetical framing lowers a crisis to "check" but never deletes it. Pure and fast; no I/O
after the first load.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.screen_rules import Frame, Rules, load, rules_in_use
from bot.screen_text import (
    CLAUSE_END,
    SENTENCE_END,
    deaccent,
    deletions,
    distance,
    known,
    language,
    lemma,
    squeeze,
    tokens,
)

_ORDER = ("none", "craving", "relapse", "check", "crisis")


class Level(enum.StrEnum):
    """How worrying a text is, ordered by severity: none < craving < relapse < check < crisis.

    CRAVING is an urge to use; RELAPSE a disclosure of use; CHECK worrying but ambiguous language
    ("I give up"), asked about gently rather than paged; CRISIS pages the counselor.
    """

    NONE = "none"
    CRAVING = "craving"
    RELAPSE = "relapse"
    CHECK = "check"
    CRISIS = "crisis"

    @property
    def rank(self) -> int:
        """0 (none) to 4 (crisis), for comparing severities."""
        return _ORDER.index(self.value)

    # str's own ordering is alphabetical ("crisis" < "none"), which would invert severity.
    def __lt__(self, other: str) -> bool:
        return self.rank < Level(other).rank

    def __le__(self, other: str) -> bool:
        return self.rank <= Level(other).rank

    def __gt__(self, other: str) -> bool:
        return self.rank > Level(other).rank

    def __ge__(self, other: str) -> bool:
        return self.rank >= Level(other).rank


@dataclass(frozen=True)
class Assessment:
    """The level of concern in one text and every frame that fired, each as "<level>:<frame>".

    ``level`` is the highest level among the reasons; lower ones are kept so that "I relapsed and
    I give up" is both a relapse and a check (``has``). A lowered frame names its framing:
    "check:kill_self.third_person".
    """

    level: Level
    reasons: tuple[str, ...] = ()
    language: str = "en"

    def has(self, level: Level | str) -> bool:
        """Whether any reason of this level fired (not only the top one)."""
        prefix = f"{Level(level).value}:"
        return any(r.startswith(prefix) for r in self.reasons)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape `iop-bot screen` prints."""
        return {"level": str(self.level), "reasons": list(self.reasons), "language": self.language}


def default_rules() -> Rules:
    """The rules in use (bot/resources.py: a clinic's copies or the shipped ones), parsed once."""
    return rules_in_use()


def load_rules(path: Path | None = None) -> Rules:
    """The rules with `path` as the frames file (a clinic's copy, checked by `iop-bot doctor`)."""
    return load(frames=path)


Clause = list[frozenset[str]]
_EMPTY: frozenset[str] = frozenset()
_BREAK = "BREAK"  # a word that ends a clause ("but", "because", "pero")
_SBREAK = "SBREAK"  # a word that ends a sentence for framing too ("but", "pero")


def tag(text: str, rules: Rules) -> tuple[str, list[tuple[Clause, int]]]:
    """The language and the clauses of a text, each a list of concept sets, with its sentence number."""
    raw = [rules.spelling.get(w, w) for w in tokens(text)]
    lang = language(raw)
    words = [_typo(deaccent(w), lang, rules) for w in raw]
    other = "es" if lang == "en" else "en"
    own, foreign = rules.words[lang], rules.words[other]
    clauses: list[tuple[Clause, int]] = []
    clause: Clause = []
    sentence = i = 0
    while i < len(words):
        word = words[i]
        if word in SENTENCE_END or word in CLAUSE_END:
            if clause:
                clauses.append((clause, sentence))
                clause = []
            sentence += word in SENTENCE_END
            i += 1
            continue
        concepts, width = _phrase(words, i, rules)
        if not width:
            width = 1
            # The other language only for words this one does not know ("me puse bien high").
            concepts = (own.get(word, _EMPTY) or foreign.get(word, _EMPTY)) | own.get(lemma(raw[i], lang), _EMPTY)
            if not concepts and len(word) > 3:
                folded = squeeze(word)
                concepts = own.get(folded, _EMPTY) | own.get(lemma(folded, lang), _EMPTY)
            if lang == "es":
                concepts |= _clitic(word, lemma(raw[i], lang))
            if word.isdigit():
                concepts |= {"MANY"} if int(word) >= 10 else _EMPTY
        if _BREAK in concepts or _SBREAK in concepts:
            if clause:
                clauses.append((clause, sentence))
                clause = []
            sentence += _SBREAK in concepts
        else:
            clause.append(concepts)
        i += width
    if clause:
        clauses.append((clause, sentence))
    return lang, clauses


def _phrase(words: list[str], i: int, rules: Rules) -> tuple[frozenset[str], int]:
    for seq, concepts in rules.phrases.get(words[i], ()):
        if tuple(words[i : i + len(seq)]) == seq:
            return concepts, len(seq)
    return _EMPTY, 0


def _typo(word: str, lang: str, rules: Rules) -> str:
    """The lexicon word one typo away ('chokd' -> 'choked', 'beter' -> 'better') for an unknown word of
    5+ letters; the word itself when it is known, too short, or the guess is ambiguous."""
    if len(word) < 5 or not word.isalpha() or word in rules.vocabulary or known(word, lang):
        return word
    index = rules.typos[lang]
    hits = {key for variant in (word, *deletions(word)) for key in index.get(variant, ())}
    ranked = sorted((distance(word, key), abs(len(key) - len(word)), key) for key in hits)
    return ranked[0][2] if ranked and ranked[0][0] == 1 else word


def _clitic(word: str, base: str) -> frozenset[str]:
    """Spanish pronouns glued to a verb: matarme (me), matarse (him/herself), matarlo (him)."""
    if word == base or not base.endswith(("ar", "er", "ir")) or not (word.startswith(base) or "ndo" in word):
        return _EMPTY
    if word.endswith("me"):
        return frozenset({"ME", "MYSELF"})
    if word.endswith("se"):
        return frozenset({"REFL3", "THIRD"})
    if word.endswith(("lo", "la", "le", "los", "las", "les")):
        return frozenset({"OTHER_OBJ"})
    return _EMPTY


def assess(text: str, rules: Rules | None = None) -> Assessment:
    """The level of concern in a patient's text, with reasons."""
    rules = rules or default_rules()
    lang, clauses = tag(text, rules)
    framed: dict[int, str] = {}
    present: dict[int, frozenset[str]] = {}
    for clause, sentence in clauses:
        framed[sentence] = framed.get(sentence, "") or _framing(clause)
        present[sentence] = present.get(sentence, _EMPTY).union(*clause)
    found: dict[str, int] = {}
    for clause, sentence in clauses:
        for frame, order in _candidates(clause, rules):
            result = _fire(frame, order, clause, framed[sentence], present[sentence], lang)
            if result:
                level, reason = result
                found.setdefault(f"{level}:{reason}", Level(level).rank)
    reasons = tuple(sorted(found, key=lambda r: -found[r]))
    level = Level(reasons[0].split(":", 1)[0]) if reasons else Level.NONE
    return Assessment(level, reasons, lang)


def _framing(clause: Clause) -> str:
    seen = set().union(*clause) if clause else set()
    if "HIST" in seen or ("YEARS" in seen and ("AGO" in seen or "HACE" in seen)):
        return "historical"
    if "HYPO" in seen:
        return "hypothetical"
    return ""


def _candidates(clause: Clause, rules: Rules) -> list[tuple[Frame, tuple[frozenset[str], ...]]]:
    out: list[tuple[Frame, tuple[frozenset[str], ...]]] = []
    seen: set[int] = set()
    for concepts in clause:
        for concept in concepts:
            for pair in rules.by_concept.get(concept, ()):
                if id(pair) not in seen:
                    seen.add(id(pair))
                    out.append(pair)
    return out


def _fire(
    frame: Frame, order: tuple[frozenset[str], ...], clause: Clause, framing: str, sentence: frozenset[str], lang: str
) -> tuple[str, str] | None:
    if (frame.max_tokens and len(clause) > frame.max_tokens) or (frame.language and frame.language != lang):
        return None
    if frame.blockers & set().union(*clause) or not all(g & sentence for g in frame.also):
        return None
    for start in range(len(clause)):
        span = _match(order, clause, start, frame.window)
        if span is None or not _clean(frame, clause, start, span):
            continue
        level, name = frame.level, frame.name
        if frame.soften and any(frame.soften & c for c in clause[max(0, start - 6) : start]):
            level = "craving"
        third = frame.person == "first" and _third_person(clause, span, lang)
        framed = "third_person" if third else (framing if frame.framing else "")
        if framed:
            if level != "crisis":
                return None  # a friend's relapse or an old craving is not this patient's news
            level, name = "check", f"{name}.{framed}"
        return level, name
    return None


def _match(order: tuple[frozenset[str], ...], clause: Clause, start: int, window: int) -> list[int] | None:
    if not order[0] & clause[start]:
        return None
    span = [start]
    for n, slot in enumerate(order[1:]):
        prev = span[-1]
        # One word may fill two slots only when it carries both (Spanish "matarme": KILL and ME).
        first = prev if order[n] & clause[prev] and slot & clause[prev] else prev + 1
        for j in range(first, min(len(clause), start + window + 1)):
            if slot & clause[j]:
                span.append(j)
                break
        else:
            return None
    return span


def _clean(frame: Frame, clause: Clause, start: int, span: list[int]) -> bool:
    end = span[-1]
    if frame.after and any(frame.after & c for c in clause[end + 1 : end + 4]):
        return False
    if frame.bare and end + 1 < len(clause) and not _bare_tail(clause, end + 1):
        return False
    if frame.negatable:
        used = set(span)
        inside = (clause[k] for k in range(start, end) if k not in used)
        if any("NEG" in c for c in clause[max(0, start - 4) : start]) or any("NEG" in c for c in inside):
            return False
    return True


def _bare_tail(clause: Clause, k: int) -> bool:
    """'used again', 'tomé el sábado': a time or 'again' next, perhaps after an article."""
    if {"AGAIN", "TIME"} & clause[k]:
        return True
    return "ARTICLE" in clause[k] and k + 1 < len(clause) and bool({"AGAIN", "TIME"} & clause[k + 1])


def _third_person(clause: Clause, span: list[int], lang: str) -> bool:
    """Whether the subject is someone else: the nearest marker before the match (in Spanish, first
    a verb between the matched words: "me va a matar")."""
    start, end = span[0], span[-1]
    inside = [k for k in range(start + 1, end) if k not in span] if lang == "es" else []
    for k in [*inside, *range(start - 1, max(-1, start - 9), -1)]:
        if "FIRST" in clause[k]:
            return False
        if "THIRD" in clause[k]:
            return True
    return False


def screen_stream(lines: TextIO, out: TextIO) -> None:
    """`iop-bot screen`: one JSON assessment per input line, for clinicians reviewing the rules."""
    for line in lines:
        out.write(json.dumps(assess(line.rstrip("\n")).to_dict()) + "\n")
        out.flush()
