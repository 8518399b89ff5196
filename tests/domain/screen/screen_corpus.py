"""The screen's labelled corpus and its figures: recall per frame, false alarms, confusion matrices.

Corpus files (tests/data/screen/*.txt) hold sections ``[level category language]`` with one message
per line. ``locked_*`` is the locked test part (never tuned against); ``dev_*``, the independent writer's
``corpus2_dev.tsv`` and the paraphrase generator (tests/domain/screen/screen_paraphrase.py) are the
development part.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.domain.screen.assess import Assessment, Level, assess

DATA = Path(__file__).resolve().parents[2] / "data" / "screen"
LEVELS = [level.value for level in Level]


@dataclass(frozen=True)
class Example:
    level: str
    category: str
    language: str
    text: str


def read(path: Path) -> list[Example]:
    out: list[Example] = []
    head: tuple[str, str, str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            level, category, language = line[1:-1].split()
            assert level in LEVELS or level == "none", line
            head = (level, category, language)
            continue
        assert head is not None, f"{path.name}: message before any [section]"
        out.append(Example(*head, line))
    return out


def read_tsv(path: Path) -> list[Example]:
    """A corpus written by someone who never saw the screen (header ``id lang label category text``)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Example(r["label"], r["category"], r["lang"], r["text"]) for r in rows]


def sha256(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def caught(example: Example, result: Assessment) -> bool:
    """Whether the screen did what the label asks; a crisis scored "check" is a miss."""
    level = result.level
    if example.level == "crisis":
        return level == Level.CRISIS
    if example.level == "relapse":
        return result.has(Level.RELAPSE) or level == Level.CRISIS
    if example.level == "craving":
        return level >= Level.CRAVING
    if example.level == "check":
        return level >= Level.CHECK
    return level != Level.CRISIS


@dataclass
class Figures:
    """Per language: recall per label and per frame, false alarms, and the confusion matrix."""

    total: Counter[tuple[str, str]]
    hits: Counter[tuple[str, str]]
    frame_total: Counter[tuple[str, str, str]]
    frame_hits: Counter[tuple[str, str, str]]
    benign_crisis: Counter[str]
    benign_flagged: Counter[str]
    confusion: dict[str, Counter[tuple[str, str]]]
    misses: list[tuple[Example, Assessment]]

    def recall(self, level: str, language: str) -> float:
        n = self.total[(level, language)]
        return self.hits[(level, language)] / n if n else 1.0

    def benign_as_crisis(self, language: str) -> float:
        n = self.total[("none", language)]
        return self.benign_crisis[language] / n if n else 0.0


def evaluate(examples: Iterable[Example]) -> Figures:
    f = Figures(Counter(), Counter(), Counter(), Counter(), Counter(), Counter(), defaultdict(Counter), [])
    for ex in examples:
        result = assess(ex.text)
        ok = caught(ex, result)
        f.total[(ex.level, ex.language)] += 1
        f.hits[(ex.level, ex.language)] += ok
        f.frame_total[(ex.level, ex.category, ex.language)] += 1
        f.frame_hits[(ex.level, ex.category, ex.language)] += ok
        f.confusion[ex.language][(ex.level, result.level.value)] += 1
        if ex.level == "none":
            f.benign_crisis[ex.language] += result.level == Level.CRISIS
            f.benign_flagged[ex.language] += result.level != Level.NONE
        if not ok:
            f.misses.append((ex, result))
    return f


def report(name: str, f: Figures) -> str:
    """A plain-text report: headline figures, recall per frame, a confusion matrix per language."""
    lines = [f"== crisis screen, {name} =="]
    for lang in sorted(f.confusion):
        n = sum(f.confusion[lang].values())
        benign = f.total[("none", lang)]
        lines.append(
            f"[{lang}] {n} messages: crisis recall {f.recall('crisis', lang):.1%}"
            f" ({f.hits[('crisis', lang)]}/{f.total[('crisis', lang)]}), relapse recall"
            f" {f.recall('relapse', lang):.1%}, craving {f.recall('craving', lang):.1%},"
            f" check {f.recall('check', lang):.1%}; benign as crisis {f.benign_as_crisis(lang):.1%}"
            f" ({f.benign_crisis[lang]}/{benign}), benign flagged at all"
            f" {f.benign_flagged[lang] / benign if benign else 0:.1%}"
        )
        frames = sorted(k for k in f.frame_total if k[2] == lang and k[0] != "none")
        lines.append(
            "  recall per frame: "
            + ", ".join(
                f"{lv}/{cat} {f.frame_hits[(lv, cat, lang)]}/{f.frame_total[(lv, cat, lang)]}"
                for lv, cat, _ in frames
            )
        )
        lines.append("  confusion (rows: label, columns: screen)")
        lines.append("  " + "label".ljust(9) + "".join(c.rjust(9) for c in LEVELS))
        for row in LEVELS:
            if any(f.confusion[lang][(row, c)] for c in LEVELS):
                lines.append(
                    "  " + row.ljust(9) + "".join(str(f.confusion[lang][(row, c)]).rjust(9) for c in LEVELS)
                )
    return "\n".join(lines)


def locked() -> list[Example]:
    return [e for p in sorted(DATA.glob("locked_*.txt")) for e in read(p)]


def development() -> list[Example]:
    from tests.domain.screen.screen_paraphrase import generate

    files = [e for p in sorted(DATA.glob("dev_*.txt")) for e in read(p)]
    return files + independent_development() + generate()


INDEPENDENT_DEV = (
    "corpus2_dev.tsv",
    "corpus2_b_dev.tsv",
    "setA_dev.tsv",
    "corpus3_dev.tsv",
    "corpus4_dev.tsv",
    "corpus5_dev.tsv",
    "corpus6_dev.tsv",
    "corpus8_dev.tsv",
    "corpus9_dev.tsv",
    "corpus10_dev.tsv",
    "corpus12_dev.tsv",
    "corpus7_dev.tsv",
    "corpus11_dev.tsv",
    "corpus13_dev.tsv",
    "corpus15_dev.tsv",
    "corpus14_dev.tsv",
    "corpus16_dev.tsv",
    "corpus18_dev.tsv",
    "corpus19_dev.tsv",
    "corpus20_dev.tsv",
    "corpus21_dev.tsv",
    "corpus22_dev.tsv",
    "corpus23_dev.tsv",
    "corpus24_dev.tsv",
    "corpus25_dev.tsv",
)


def independent_development() -> list[Example]:
    """Sets hand-written for this project by writers who never saw the screen: corpus2's two halves, set A,
    corpus3 (validation set C, two writers), corpus4 (three writers, 1,280 messages), corpus5 (held-out set E,
    two writers, read once at the end of round 8), corpus6 (held-out set F, three writers, read at the start and
    once at the end of round 9), corpus8 to corpus10 and corpus12 (sets H, I, J and K, three writers each,
    1,301, 1,313, 1,332 and 1,287 messages, each read once before joining), corpus7 and corpus11 (held-out sets G
    and G2, three writers each, 1,182 and 1,232 messages, read at the start and once at the end of round 10),
    corpus13 (held-out set G3, four writers, 1,533 messages, read at the start and once at the end of round 11),
    corpus15 (set L, two writers, 320 messages, every one 300-1,500 characters: long check-ins, read once before joining),
    corpus14 (held-out set G4, four writers, 1,540 messages, one in six long, read at the start and once at the
    end of round 12), corpus16 (held-out set G5, four writers, 1,520 messages, one in six long, read at the
    start and once at the end of round 13), corpus18 (held-out set G7, four writers, 1,520 messages, one in six
    long, read at the start and once at the end of round 15), corpus19 (held-out set G8, four writers, 1,520
    messages, one in six long, read at the start and once at the end of round 16), corpus20 (held-out set G9, four writers, 1,520
    messages, one in six long, read at the start and at the end of round 17), corpus21 (held-out set G10, four
    writers, 1,520 messages, one in six long, read at the start and at the end of round 18), corpus22 (held-out set G11, four writers, 1,520 messages, one in
    six long, read at the start and at the end of round 19), corpus23 (held-out set G12, four writers,
    1,520 messages, one in six long, read at the start and at the end of round 20), corpus24 (held-out set G13,
    four writers, 1,520 messages, one in six long, read at the start and at the end of round 21), corpus25 (held-out
    set G14, four writers, 1,520 messages, one in six long, read at the start and at the end of round 22). Each was first read before any change for it (the honest first readings are in the README);
    then it joined the development part and is tuned on like the rest. The next writers' set is the held-out one."""
    return [e for name in INDEPENDENT_DEV for e in read_tsv(DATA / name)]


def full_report() -> str:
    """Both parts; the locked part is the closer estimate, text written by others the honest one."""
    return (
        report(f"locked test part ({len(locked())})", evaluate(locked()))
        + "\n"
        + report(f"development part ({len(development())}, tuned on)", evaluate(development()))
    )
