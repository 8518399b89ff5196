"""Long messages and the crisis screen (issue 13): does a long ordinary check-in page anyone, and is a crisis
sentence buried in one still caught?

Benign development lines (label "none", each below crisis on its own) are stitched into texts of 300-2,000
characters, per language; the false-page rate is the share scored crisis. Then one crisis line (caught on its
own) is put in the middle of such a text; the buried-crisis recall is the share still scored crisis. Both for
the rules alone and with the learned layer. A measurement, not a timed test: the numbers are printed.

Run: .venv/bin/python -m benchmarks.screen_long [--texts 200] [--show 5]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Callable

from bot.domain.screen.assess import Assessment, Level, assess, default_rules
from bot.domain.screen.lemmas import wait_loaded
from tests.domain.screen import screen_corpus

SHORTEST, LONGEST = 300, 2000
YEAR = 2026
LONG_SET = "corpus15_dev.tsv"  # development set L: long messages written as such by two writers  # fixed, so "in 2023" reads the same whenever this is run


def _join(line: str, rng: random.Random) -> str:
    """How a line ends inside a long message: its own stop, or a full stop, a line break, or (now and
    then) nothing, as in a run-on message."""
    if line.rstrip()[-1:] in ".!?":
        return line.rstrip() + " "
    return line.rstrip() + rng.choice((". ", ". ", "\n", "\n", " "))


def _stitch(pool: list[str], rng: random.Random, size: int) -> list[str]:
    lines: list[str] = []
    while sum(map(len, lines)) < size:
        lines.append(_join(rng.choice(pool), rng))
    return lines


def _screens() -> dict[str, Callable[[str], Assessment]]:
    return {
        "rules alone": lambda t: assess(t, ngrams_layer=False, year=YEAR),
        "rules + layer": lambda t: assess(t, year=YEAR),
    }


def _family(reason: str) -> str:
    return reason.split("(", 1)[0].split(".", 1)[0] if not reason.startswith("crisis:signals.") else reason


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--texts", type=int, default=200, help="stitched texts per language and kind")
    parser.add_argument("--show", type=int, default=0, help="print this many paged benign texts per language")
    parser.add_argument("--rules", action="store_true", help="the rules alone (without the learned layer)")
    args = parser.parse_args(argv)
    default_rules()
    wait_loaded(None)
    examples = screen_corpus.independent_development()
    for name, screen in _screens().items():
        if args.rules and name != "rules alone":
            continue
        print(f"== {name}")
        for lang in ("en", "es"):
            rng = random.Random(f"{lang}-13")
            benign = [e.text for e in examples if e.language == lang and e.level == "none"]
            pool = [t for t in benign if screen(t).level < Level.CRISIS]
            crises = [e.text for e in examples if e.language == lang and e.level == "crisis"]
            caught = [t for t in crises if screen(t).level == Level.CRISIS]
            paged: Counter[str] = Counter()
            shown = 0
            pages = 0
            for _ in range(args.texts):
                text = "".join(_stitch(pool, rng, rng.randint(SHORTEST, LONGEST))).strip()
                result = screen(text)
                if result.level == Level.CRISIS:
                    pages += 1
                    paged.update(_family(r) for r in result.reasons if r.startswith("crisis:"))
                    if shown < args.show:
                        shown += 1
                        print(f"   paged ({', '.join(result.reasons)}): {text[:600]!r}")
            found = 0
            missed: Counter[str] = Counter()
            for _ in range(args.texts):
                crisis = rng.choice(caught)
                before = _stitch(pool, rng, rng.randint(SHORTEST, LONGEST) // 2)
                after = _stitch(pool, rng, rng.randint(SHORTEST, LONGEST) // 2)
                text = "".join([*before, _join(crisis, rng), *after]).strip()
                if screen(text).level == Level.CRISIS:
                    found += 1
                else:
                    missed.update(_family(r) for r in screen(crisis).reasons if r.startswith("crisis:"))
            n = args.texts
            print(
                f"{lang}: benign long texts paged {pages}/{n} ({pages / n:.1%})"
                f" | buried crisis caught {found}/{n} ({found / n:.1%})"
                f" | pool: {len(pool)} benign lines below crisis alone (of {len(benign)}),"
                f" {len(caught)} crisis lines caught alone (of {len(crises)})"
            )
            if paged:
                print("   paging reasons:", ", ".join(f"{r} {c}" for r, c in paged.most_common(8)))
            if missed:
                print(
                    "   buried and lost (their reasons alone):",
                    ", ".join(f"{r} {c}" for r, c in missed.most_common(8)),
                )
            written = [e for e in screen_corpus.read_tsv(screen_corpus.DATA / LONG_SET) if e.language == lang]
            levels = [(e.level, screen(e.text).level) for e in written]
            fp = sum(label == "none" and level == Level.CRISIS for label, level in levels)
            hit = sum(label == "crisis" and level == Level.CRISIS for label, level in levels)
            n_benign = sum(label == "none" for label, _ in levels)
            n_crisis = sum(label == "crisis" for label, _ in levels)
            print(
                f"{lang}: written long messages ({LONG_SET}): benign scored crisis {fp}/{n_benign}"
                f" ({fp / max(1, n_benign):.1%}), crisis caught {hit}/{n_crisis} ({hit / max(1, n_crisis):.1%})"
            )


if __name__ == "__main__":
    main()
