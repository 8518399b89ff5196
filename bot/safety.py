"""Crisis-language screening: ``assess(text)`` says how worrying a text is, and why.

Pure and fast (compiled regular expressions from ``safety_patterns.toml`` program data, which
clinicians review); no Telegram, no I/O after the first load.
"""

from __future__ import annotations

import enum
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.resources import program_data, read_program_file

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


RANK: dict[str, int] = {name: n for n, name in enumerate(_ORDER)}
FILE = "safety_patterns.toml"

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"))
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
# Anchored at a token start so a 4,096-letter message is one scan, not quadratic backtracking.
_LEET_TOKEN = re.compile(r"(?<![a-z0-9@$!])[a-z]*[013457@$!][a-z0-9@$!]*")
# A few words may sit between a negation and what it negates ("not feeling suicidal").
_BETWEEN = r"(?:\s+(?:really|even|ever|actually|feeling|feel|thinking\s+about|going\s+to|gonna|want\s+to|wanna|planning\s+to|planning\s+on|trying\s+to))*\s*"


@dataclass(frozen=True)
class Assessment:
    """The level of concern in one text and every frame that fired, each as "<level>:<frame>".

    ``level`` is the highest level among the reasons; lower ones are kept so that "I relapsed and
    I give up" is both a relapse and a check (``has``).
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


@dataclass(frozen=True)
class Category:
    """One group of patterns at one level."""

    name: str
    level: Level
    patterns: tuple[re.Pattern[str], ...]
    negatable: bool = True


@dataclass(frozen=True)
class Rules:
    """Everything loaded from the patterns file."""

    categories: tuple[Category, ...]
    benign: tuple[re.Pattern[str], ...]
    negation: re.Pattern[str]
    spelling: dict[str, str]


def load_rules(path: Path | None = None) -> Rules:
    """Compile the patterns file (None: the one in use); raises ValueError naming the bad pattern."""
    raw = tomllib.loads(read_program_file(FILE, path))
    name = path.name if path else FILE

    def compile_(pattern: str, where: str) -> re.Pattern[str]:
        try:
            return re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{name}: {where}: bad pattern {pattern!r}: {exc}") from None

    categories = []
    for c in raw.get("category", []):
        if c.get("level") not in _ORDER[1:]:
            raise ValueError(f"{name}: category {c.get('name')}: level must be one of {_ORDER[1:]}")
        pats = tuple(compile_(p, c["name"]) for p in c["patterns"])
        categories.append(Category(c["name"], Level(c["level"]), pats, bool(c.get("negatable", True))))
    benign = tuple(compile_(p, "benign") for p in raw.get("benign", {}).get("patterns", []))
    negation = compile_(rf"\b{raw['negations']}{_BETWEEN}$", "negations")
    return Rules(tuple(categories), benign, negation, dict(raw.get("spelling", {})))


def load_patterns(path: Path | None = None) -> Rules:
    """The brief's name for `load_rules`; None means the file in use."""
    return load_rules(path)


default_rules = program_data(FILE, load_rules)


def normalize(text: str, spelling: dict[str, str] | None = None) -> str:
    """Fold case, look-alikes, leetspeak, stretched letters and misspellings."""
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).translate(_QUOTES).casefold()
    text = _LEET_TOKEN.sub(
        lambda m: m.group(0).translate(_LEET) if re.search("[a-z]", m.group(0)) else m.group(0), text
    )
    text = re.sub(r"([a-z])\1{2,}", r"\1", text)
    # "k i l l" spelled out letter by letter
    text = re.sub(r"\b(?:[a-z] ){2,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), text)
    text = re.sub(r"[^\w\s'?.,!]", " ", text)
    words = [(spelling or {}).get(w, w) for w in re.split(r"\s+", text.strip())]
    return " ".join(words)


def assess(text: str, rules: Rules | None = None) -> Assessment:
    """The level of concern in a patient's text, with reasons."""
    rules = rules or default_rules()
    clean = normalize(text, rules.spelling)
    for benign in rules.benign:
        clean = benign.sub(" ~ ", clean)
    level = Level.NONE
    reasons: list[str] = []
    for category in rules.categories:
        for pattern in category.patterns:
            if any(_counts(clean, m, category, rules) for m in pattern.finditer(clean)):
                reasons.append(f"{category.level.value}:{category.name}")
                level = max(level, category.level)
                break
    reasons.sort(key=lambda r: -Level(r.split(":", 1)[0]).rank)
    return Assessment(level, tuple(reasons))


def _counts(text: str, match: re.Match[str], category: Category, rules: Rules) -> bool:
    if not category.negatable:
        return True
    return rules.negation.search(text[: match.start()]) is None


def screen_stream(lines: TextIO, out: TextIO) -> None:
    """`iop-bot screen`: one JSON assessment per input line, for clinicians reviewing the rules."""
    for line in lines:
        out.write(json.dumps(assess(line.rstrip("\n")).to_dict()) + "\n")
        out.flush()
