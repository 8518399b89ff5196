"""Read a held-out set of the crisis screen: figures only, never a message (issue 13).

A held-out set is text written for the screen by people who never saw it, kept from everyone who works on the
screen and read by the lead twice: at the round's start and on the shipped code. Reading it prints recall per
label and language (with a 95 % Wilson interval), benign messages scored crisis, and with the flags the same per
category, per writer and by length (300 characters or more is long). It prints no text, so reading it tunes
nothing. Files: tab-separated, header ``id lang label category text``; the writer is the file name's stem.

Run: .venv/bin/python -m benchmarks.screen_heldout DIR [--glob 'w7*.tsv'] [--rules] [--cats] [--writer] [--len]
(--rules: the rules alone, without the learned layer). Kept in the repository since round 15, when the lead's
tools outside it did not survive a move to a new machine.
"""

from __future__ import annotations

import argparse
import csv
import math
from collections import defaultdict
from pathlib import Path

from bot.domain.screen.assess import assess
from bot.domain.screen.lemmas import wait_loaded
from tests.domain.screen.screen_corpus import Example, caught

LONG = 300  # characters: a long message


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of k in n, in per cent."""
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (100 * (mid - half), 100 * (mid + half))


def read(folder: Path, pattern: str) -> list[tuple[str, Example]]:
    """(writer, example) for every row of every file matching ``pattern``."""
    rows: list[tuple[str, Example]] = []
    for path in sorted(folder.glob(pattern)):
        with path.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append((path.stem, Example(r["label"], r["category"], r["lang"], r["text"])))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--glob", default="*.tsv")
    parser.add_argument("--rules", action="store_true", help="the rules alone, without the learned layer")
    for flag in ("--cats", "--writer", "--len"):
        parser.add_argument(flag, action="store_true")
    args = parser.parse_args()
    wait_loaded()
    rows = read(args.folder, args.glob)
    tally: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    for writer, e in rows:
        good = caught(e, assess(e.text, ngrams_layer=not args.rules))
        length = "long" if len(e.text) >= LONG else "short"
        for key in ((e.language, e.level), (e.language, e.level, e.category), (e.language, e.level, writer),
                    (e.language, e.level, length)):  # fmt: skip
            tally[key][0] += good
            tally[key][1] += 1
    print(f"{len(rows)} messages, learned layer {'OFF' if args.rules else 'on'}")
    for lang in ("en", "es"):
        for level in ("crisis", "relapse", "check", "none"):
            k, n = tally.get((lang, level), (0, 0))
            if not n:
                continue
            if level == "none":  # a benign message is "caught" when not scored crisis
                lo, hi = wilson(n - k, n)
                print(
                    f"{lang} benign scored crisis {100 * (n - k) / n:.1f}% ({n - k}/{n}; {lo:.1f}-{hi:.1f})"
                )
            else:
                lo, hi = wilson(k, n)
                print(f"{lang} {level} {100 * k / n:.1f}% ({k}/{n}; {lo:.1f}-{hi:.1f})")
    writers = {w for w, _ in rows}
    for flag, keep in (("cats", lambda part: part not in writers and part not in ("long", "short")),
                       ("writer", writers.__contains__), ("len", ("long", "short").__contains__)):  # fmt: skip
        if getattr(args, flag):
            for row, (k, n) in sorted(tally.items()):
                if len(row) == 3 and keep(row[2]):
                    print("  ", *row, f"{k}/{n}")


if __name__ == "__main__":
    main()
