"""The crisis screen's lexicon and frames: program data that clinicians review (bot/data/).

``screen_lexicon.toml`` maps words, lemmas and short phrases to concept classes (DIE, KILL,
MYSELF, DESIRE, SUBSTANCE, ...). ``screen_frames.toml`` says which concepts, found together in
one clause, make a frame fire and at what level. Both are read through bot/config/resources.py, so a
clinic's own copies ([data] screen_lexicon = "...") replace the shipped ones.
"""

from __future__ import annotations

import tomllib
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.config.resources import override_for, read_program_file, shipped_text
from bot.domain.screen.frame_index import FrameIndex
from bot.domain.screen.lemma_gate import Gate
from bot.domain.screen.lemmas import START_DELAY, start_loading
from bot.domain.screen.text import deaccent, deletions

LEXICON, FRAMES = "screen_lexicon.toml", "screen_frames.toml"
LEVELS = ("craving", "relapse", "check", "crisis")
RANK = {name: n for n, name in enumerate(("none", *LEVELS))}
# A "signal" frame is one risk sign (means at hand, a chosen time, a farewell, ...). Alone it is no
# reason; two of different families about the speaker make a crisis (Composition, match.py).
SIGNAL = "signal"
RANK[SIGNAL] = 0


@dataclass(frozen=True)
class Frame:
    """Concepts that, together in one clause, mean something a person must see."""

    name: str
    level: str
    slots: tuple[frozenset[str], ...]
    window: int = 6
    ordered: bool = True
    also: tuple[frozenset[str], ...] = ()
    blockers: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    negatable: bool = True
    person: str = "first"
    soften: frozenset[str] = frozenset()
    bare: bool = False
    max_tokens: int = 0
    framing: bool = True
    language: str = ""  # "" = both; "es" for frames that follow Spanish word order
    alone: str = ""  # a signal frame's level when no other signal joins it ("" = none, or "check")
    unless: frozenset[str] = frozenset()  # none of these anywhere in the sentence ("last day of group")
    reach: int = 0  # sentences either side where `also` may be met ("did the bag. if I go I go")
    # Words right after the match that give the verb another sense ("me pegué una raya": a dose taken, not a
    # blow). Like `after`, but no idiom: the learned layer's crisis is not lowered for it (readings.py).
    sense: frozenset[str] = frozenset()
    # A will, a wish or a plan in the six words before the match ("going to take all my pills tonight"): the act is
    # not done yet, and the reason is "<name>_planned" (the answer to a plan is not "if you've taken something").
    planned: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Composition:
    """How signal frames compose: `need` different families within `sentences` consecutive sentences
    make a crisis, unless every one of them is `weak` (a time of day is a signal only beside another)."""

    need: int = 2
    sentences: int = 3
    weak: frozenset[str] = frozenset()
    checks_count_as: str = ""  # a family name: a check frame that fired (unframed) is a signal of it
    twice: frozenset[str] = frozenset()  # families that count twice when they fire in two sentences
    families: frozenset[str] = frozenset()  # the signal frames' names
    # A plan told without a word of death (a day, a lonely place, nobody around): `plan_need` different
    # families of `plan_parts` make a crisis even though each is weak (0 = never).
    plan_parts: frozenset[str] = frozenset()
    plan_need: int = 0
    # In a message of more than `long_sentences` sentences, these families count only within `close_reach`
    # sentences of a family not listed here: a long check-in names times all through it ("group tonight",
    # "work tomorrow"), and three sentences on, a time is no longer about the risk sign (0 = never).
    close: frozenset[str] = frozenset()
    close_reach: int = 1
    long_sentences: int = 0


@dataclass
class Rules:
    """Everything the screen needs: word -> concepts per language, phrases, frames."""

    words: dict[str, dict[str, frozenset[str]]]
    phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], frozenset[str]]]]
    spelling: dict[str, str]
    frames: tuple[Frame, ...]
    typos: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    # per language: word -> (its spelling in the lexicon, the number of its concept set in tag.SETS)
    memo: dict[str, dict[str, tuple[str, int]]] = field(default_factory=lambda: {"en": {}, "es": {}})
    # per language: the memo's words as they were put in, oldest first (text.make_room drops those when full)
    memo_order: dict[str, deque[str]] = field(default_factory=lambda: {"en": deque(), "es": deque()})
    starts: frozenset[str] = frozenset()  # the first words of phrases
    # `phrases` as the tagger reads them: per first two words, each length (longest first) with its
    # phrases of that length, so a phrase is found by one lookup per length, not a scan of them all.
    by_length: dict[tuple[str, str], tuple[tuple[int, dict[tuple[str, ...], frozenset[str]]], ...]] = field(
        default_factory=dict
    )
    composition: Composition = field(default_factory=Composition)
    # per language: which new words' lemmas can matter (lemma_gate.py), once built on the loading thread
    gates: dict[str, Gate] = field(default_factory=dict)
    _by_language: dict[str, FrameIndex] = field(default_factory=dict)

    def for_language(self, lang: str) -> FrameIndex:
        """The frames this language can fire, indexed for the matcher (built once per language)."""
        if lang not in self._by_language:
            self._by_language[lang] = FrameIndex.build(
                (f for f in self.frames if f.language in ("", lang)), RANK
            )
        return self._by_language[lang]

    def typo_index(self, lang: str) -> dict[str, tuple[str, ...]]:
        """Every lexicon and phrase word (5+ letters) under each of its one-letter deletions; built on
        first use (~15 ms), so start-up and `iop-bot doctor` do not pay for it. Tuples, not sets: nearly
        all hold one word (a tuple of one is a quarter of a set's memory, 4 MB less per language, and
        the garbage collector stops scanning it)."""
        if not self.vocabulary:
            self.vocabulary = set().union(*self.words.values()) | {
                w for options in self.phrases.values() for seq, _ in options for w in seq
            }
        if lang not in self.typos:
            index: dict[str, tuple[str, ...]] = {}
            phrase_words = {w for options in self.phrases.values() for seq, _ in options for w in seq}
            for word in set(self.words[lang]) | phrase_words:
                if len(word) >= 5 and word.isalpha():
                    # each word once, and its deletions a set: no (variant, word) pair comes twice
                    for variant in (word, *deletions(word)):
                        index[variant] = (*index.get(variant, ()), word)
            self.typos[lang] = index
        return self.typos[lang]


def _concepts(value: str) -> frozenset[str]:
    return frozenset(value.replace("|", " ").split())


def _frame(raw: dict[str, object], where: str, known: set[str]) -> Frame:
    def group(key: str) -> frozenset[str]:
        value = raw.get(key, "")
        if not isinstance(value, str):
            raise ValueError(f"{where}: {key} must be text like 'DIE|DEAD'")
        return _concepts(value)

    name, level = raw.get("name"), raw.get("level")
    if not isinstance(name, str) or (level not in LEVELS and level != SIGNAL):
        raise ValueError(f"{where}: needs a name and a level from {(*LEVELS, SIGNAL)}")
    alone = str(raw.get("alone", ""))
    if alone not in ("", "check") or (alone and level != SIGNAL):
        raise ValueError(f"{where} ({name}): alone = 'check' is for signal frames only")
    slots_raw, also_raw = raw.get("slots"), raw.get("also", [])
    if not isinstance(slots_raw, list) or not slots_raw or not isinstance(also_raw, list):
        raise ValueError(f"{where} ({name}): slots must be a non-empty list")
    slots = tuple(_concepts(str(s)) for s in slots_raw)
    also = tuple(_concepts(str(s)) for s in also_raw)
    used = set().union(*slots, *also, group("blockers"), group("after"), group("soften"), group("unless"))
    used |= group("sense") | group("planned")
    if unknown := used - known:
        raise ValueError(f"{where} ({name}): unknown concepts {sorted(unknown)}")
    return Frame(
        name, str(level), slots, int(raw.get("window", 6)), bool(raw.get("ordered", True)), also,  # type: ignore[call-overload]
        group("blockers"), group("after"), bool(raw.get("negatable", True)), str(raw.get("person", "first")),
        group("soften"), bool(raw.get("bare", False)), int(raw.get("max_tokens", 0)),  # type: ignore[call-overload]
        bool(raw.get("framing", True)), str(raw.get("language", "")), alone, group("unless"),
        int(raw.get("reach", 0)), group("sense"), group("planned"),  # type: ignore[call-overload]
    )  # fmt: skip


def _composition(raw: object, frames: tuple[Frame, ...]) -> Composition:
    if not isinstance(raw, dict):
        raise ValueError("[composition] must be a table")
    weak = frozenset(raw.get("weak", []))
    checks = str(raw.get("checks_count_as", ""))
    families = {f.name for f in frames if f.level == SIGNAL} | ({checks} if checks else set())
    twice, parts = frozenset(raw.get("twice", [])), frozenset(raw.get("plan_parts", []))
    close = frozenset(raw.get("close", []))
    if unknown := (weak | twice | parts | close) - families:
        raise ValueError(
            f"[composition] weak/twice/plan_parts/close: no signal frames named {sorted(unknown)}"
        )
    need, sentences = int(raw.get("need", 2)), int(raw.get("sentences", 3))
    if need < 2 or sentences < 1:
        raise ValueError("[composition] need must be 2 or more and sentences 1 or more")
    plan_need = int(raw.get("plan_need", 0))
    if plan_need and not need < plan_need <= len(parts):
        raise ValueError("[composition] plan_need must be more than need and at most the plan_parts listed")
    reach, long_sentences = int(raw.get("close_reach", 1)), int(raw.get("long_sentences", 0))
    if reach < 0 or long_sentences < 0:
        raise ValueError("[composition] close_reach and long_sentences must be 0 or more")
    return Composition(
        need,
        sentences,
        weak,
        checks,
        twice,
        frozenset(families),
        parts,
        plan_need,
        close,
        reach,
        long_sentences,
    )


def parse(lexicon: str, frames: str) -> Rules:
    """Build the rules from the two TOML texts; ValueError names what is wrong."""
    lex, fr = tomllib.loads(lexicon), tomllib.loads(frames)
    words: dict[str, dict[str, set[str]]] = {"en": {}, "es": {}}
    known: set[str] = set()
    for concept, table in lex.get("concept", {}).items():
        known.add(concept)
        for lang in ("en", "es"):
            for word in table.get(lang, []):
                words[lang].setdefault(deaccent(word.casefold()), set()).add(concept)
    phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for lang in ("en", "es"):
        for phrase, value in lex.get("phrase", {}).get(lang, {}).items():
            concepts = _concepts(value)
            if unknown := concepts - known:
                raise ValueError(f"phrase {phrase!r}: unknown concepts {sorted(unknown)}")
            seq = tuple(deaccent(phrase.casefold()).split())
            if len(seq) == 1:  # one word after tokenising ("self-harm" is two): a plain word entry
                words[lang].setdefault(seq[0], set()).update(concepts)
            elif seq:
                phrases.setdefault((seq[0], seq[1]), []).append((seq, concepts))
    for options in phrases.values():
        options.sort(key=lambda p: -len(p[0]))
    spelling = {deaccent(k): v for k, v in lex.get("spelling", {}).items()}
    parsed = tuple(_frame(raw, f"frame {n + 1}", known) for n, raw in enumerate(fr.get("frame", [])))
    rules = Rules(
        {k: {w: frozenset(c) for w, c in v.items()} for k, v in words.items()}, phrases, spelling, parsed
    )
    rules.starts = frozenset(first for first, _ in phrases)
    rules.by_length = {key: _by_length(options) for key, options in phrases.items()}
    rules.composition = _composition(fr.get("composition", {}), parsed)
    return rules


def _by_length(
    options: list[tuple[tuple[str, ...], frozenset[str]]],
) -> tuple[tuple[int, dict[tuple[str, ...], frozenset[str]]], ...]:
    """Phrases sharing their first two words, grouped by length, longest first; the first of the same
    words wins, as in the sorted list."""
    grouped: dict[int, dict[tuple[str, ...], frozenset[str]]] = {}
    for seq, concepts in options:
        grouped.setdefault(len(seq), {}).setdefault(seq, concepts)
    return tuple(sorted(grouped.items(), key=lambda item: -item[0]))


def load(lexicon: Path | None = None, frames: Path | None = None) -> Rules:
    """The rules in use (a clinic's copies or the shipped ones), or files given for review and tests."""
    return parse(read_program_file(LEXICON, lexicon), read_program_file(FRAMES, frames))


def check_lexicon(path: Path | None = None) -> Rules:
    """The lexicon alone (`iop-bot doctor` and start-up name the file that is wrong)."""
    if path is None and override_for(LEXICON) is None:
        return _cached_in_use()  # the shipped pair: parsed once, and the bot uses that parse
    return parse(read_program_file(LEXICON, path), "")


def check_frames(path: Path | None = None) -> Rules:
    """The frames against the lexicon in use, or the shipped one when that is broken (reported on its own)."""
    if path is None and override_for(FRAMES) is None and override_for(LEXICON) is None:
        return _cached_in_use()
    frames = read_program_file(FRAMES, path)
    try:
        return parse(read_program_file(LEXICON), frames)
    except (OSError, ValueError):
        try:
            check_lexicon()
        except (OSError, ValueError):  # the lexicon is what is wrong (its own check says so)
            return parse(shipped_text(LEXICON), frames)
        raise


_loaded = cache(load)


def _cached_in_use() -> Rules:
    return _loaded(override_for(LEXICON), override_for(FRAMES))


def rules_in_use() -> Rules:
    """The rules this process screens with, parsed once per pair of files."""
    start_loading(START_DELAY)  # on a thread from start-up (bot/domain/screen/lemmas.py)
    return _loaded(override_for(LEXICON), override_for(FRAMES))
