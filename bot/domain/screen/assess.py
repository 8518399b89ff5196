"""Crisis-language screening: ``assess(text)`` says how worrying a text is, and why.

Concept-based rather than phrase-based: the text is normalised and lemmatised
(bot/domain/screen/text.py), each word or short phrase is mapped to clinical concept classes, and a
frame (config/screen_frames.toml, grounded in the Columbia Protocol's screener) fires when its
concepts meet in one clause. Negation in the clause cancels a frame; third-person, historical
and hypothetical framing lowers a crisis to "check" but never deletes it. A learned layer
(bot/domain/screen/ngrams.py) may add a reason that raises the level, never lower it.
Pure and fast; no I/O after the first load.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TextIO

from bot.domain.screen.lemmas import pause, wait_loaded
from bot.domain.screen.match import fired
from bot.domain.screen.ngrams import learned_reason, learned_relapse
from bot.domain.screen.readings import dismissed_in, without_idioms
from bot.domain.screen.rules import Rules, load, rules_in_use
from bot.domain.screen.tag import Clause, gate_lemmas, tag

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
    # The tagged clauses it was read from, for a second reading in context (bot/domain/screen/taken.py)
    # without tagging the text again; not part of what an assessment is.
    clauses: Sequence[tuple[Clause, int]] = field(default=(), compare=False, repr=False)

    def has(self, level: Level | str) -> bool:
        """Whether any reason of this level fired (not only the top one)."""
        prefix = f"{Level(level).value}:"
        return any(r.startswith(prefix) for r in self.reasons)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape `iop-bot screen` prints."""
        return {"level": str(self.level), "reasons": list(self.reasons), "language": self.language}


def default_rules() -> Rules:
    """The rules in use (bot/config/resources.py: a clinic's copies or the shipped ones), parsed once."""
    return rules_in_use()


def load_rules(path: Path | None = None) -> Rules:
    """The rules with `path` as the frames file (a clinic's copy, checked by `iop-bot doctor`)."""
    return load(frames=path)


def assess(
    text: str, rules: Rules | None = None, ngrams_layer: bool = True, year: int | None = None
) -> Assessment:
    """The level of concern in a patient's text, with reasons. The learned layer (ngrams.py) can only
    raise a text, beside the rules' own reasons: to crisis, or to a check where the rules read a crisis
    frame in the same words as benign (readings.py); `ngrams_layer=False` is without it. `year` is the
    year it is now (services.now() in the bot; the clock's when not given): "in 2015" is history."""
    rules = rules or default_rules()
    lang, clauses = tag(text, rules, year)
    found = fired(clauses, lang, rules)
    reasons = tuple(sorted(found, key=lambda r: -found[r]))
    extra = None
    if ngrams_layer:
        aside = partial(dismissed_in, text=text, lang=lang, clauses=clauses, rules=rules, reasons=reasons)
        extra = learned_reason(text, lang, reasons, None, aside) or learned_relapse(text, lang, reasons)
    if extra:
        reasons = (extra, *reasons)
    level = Level(reasons[0].split(":", 1)[0]) if reasons else Level.NONE
    return Assessment(level, reasons, lang, clauses)


# Read once on the loading thread at start-up (lemmas.py), so that what the screen builds on first use (the
# typo index, ~15 ms a language; each language's frame index; numpy's first long text, ~7 ms; the frames
# read without idiom tails or negation, ~8 ms, when the learned layer first reads a crisis) is not built
# on a patient's message after a restart: a short text and a long one per language, with words of five
# letters or more (the typo index) and no crisis (the learned layer reads them).
_PREPARE = (
    "thanks, see everyone tomorrow at group",
    "gracias, nos vemos mañana en el grupo",
    "work was fine today and the kids liked dinner. " * 8,
    "hoy el trabajo estuvo bien y a los niños les gustó la cena. " * 6,
)


def prepare() -> None:
    """Read a few everyday texts, so that a restarted bot's first patients do not wait for what the screen
    builds on first use; nothing when the rules do not read (start-up reports that on its own)."""
    try:
        rules = default_rules()
    except (OSError, ValueError):
        return
    gate_lemmas(rules, pause)
    for text in _PREPARE:
        assess(text, rules)
    for relax in ("after", "negation"):
        for lang in ("en", "es"):
            without_idioms(rules, relax).for_language(lang)


def screen_stream(lines: TextIO, out: TextIO) -> None:
    """`iop-bot screen`: one JSON assessment per input line, for clinicians reviewing the rules."""
    wait_loaded(None)  # a review tool: the full screen, however long the dictionaries take
    for line in lines:
        out.write(json.dumps(assess(line.rstrip("\n")).to_dict()) + "\n")
        out.flush()
