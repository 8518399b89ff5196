"""Train the crisis screen's learned layer (bot/data/screen_ngrams.json) and measure it writer by writer.

A logistic regression on TF-IDF word 1-2 grams and char_wb 3-4 grams (lower case, no accents), crisis
against everything else, trained on the development corpora only (tests/data/screen/dev_*.txt and the
independent writers' *_dev.tsv; never locked_*.txt). At run time it can only raise a text to crisis
(bot/domain/screen/ngrams.py, assess.py).

C and the per-language threshold are chosen by leave-one-writer-out cross-validation over the
independent writers (the team's files always train): the threshold is the lowest at which rules OR
model keep benign text scored crisis within ``BENIGN_TARGET`` on the writers held out, and C the one
with the best crisis recall there. The model counts only where the screen lets it page (not where the
rules read a text as someone else's, the past, or an idiom: ngrams.learned_reason). ``--lowo`` measures
the whole procedure honestly: for each writer held out, C and thresholds are chosen by the same
cross-validation inside the other writers only (each pair of writers left out is fitted once).

Needs scikit-learn (not a runtime dependency):
    python3 -m venv /tmp/train && /tmp/train/bin/pip install -e '.[train]'
    /tmp/train/bin/python -m benchmarks.train_screen_ngrams [--lowo]
Before it writes the model it checks that the pure-Python scorer gives scikit-learn's probability on
every training text (|difference| < 1e-9).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "screen"
OUT = ROOT / "bot" / "data" / "screen_ngrams.json"
# Writers who never saw the screen, by file; a file holding several (corpus3 to 12) tells them apart in its
# <name>_writers.tsv (an empty writer here means "read that file").
INDEPENDENT = {
    "setA_dev.tsv": "setA",
    "corpus2_dev.tsv": "c2",
    "corpus2_b_dev.tsv": "c2",
    "corpus3_dev.tsv": "",
    "corpus4_dev.tsv": "",
    "corpus5_dev.tsv": "",
    "corpus6_dev.tsv": "",
    "corpus8_dev.tsv": "",
    "corpus9_dev.tsv": "",
    "corpus10_dev.tsv": "",
    "corpus12_dev.tsv": "",
}
WORD = (1, 2)
CHAR = (3, 4)
MIN_DF = 3
# 1, 2, 4 and 8 gave the same recall within 0.4 points (leave-one-writer-out, 2026-11-29), and each
# value multiplies the training time.
C_GRID = (1.0,)
THRESHOLDS = tuple(round(0.30 + 0.025 * i, 3) for i in range(27))  # 0.30 .. 0.95
BENIGN_TARGET = 0.07  # rules OR model, per language, on the writers held out inside the training writers


@dataclass(frozen=True)
class Row:
    text: str
    label: str
    lang: str
    writer: str


def load() -> tuple[list[Row], list[Path]]:
    rows: list[Row] = []
    paths = sorted(DATA.glob("dev_*.txt"))
    for path in paths:
        head: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                head = line[1:-1].split()
                continue
            rows.append(Row(line, head[0], head[2], "team"))
    who: dict[str, str] = {}
    for path in sorted(DATA.glob("corpus*_writers.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            who.update({r["id"]: r["writer"] for r in csv.DictReader(f, delimiter="\t")})
    for name, writer in INDEPENDENT.items():
        path = DATA / name
        if not path.exists():
            continue
        paths.append(path)
        with path.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append(Row(r["text"], r["label"], r["lang"], writer or who[r["id"]]))
    return rows, sorted(paths)


def data_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Reading:
    """The rules' reading of a text: their level, and whether the layer may page on it at all (not
    when the rules read it as someone else's, the past, or an idiom: ngrams.learned_reason)."""

    level: str
    may_page: bool


def rules_readings(rows: list[Row]) -> dict[str, Reading]:
    from bot.domain.screen.assess import assess, default_rules
    from bot.domain.screen.lemmas import wait_loaded
    from bot.domain.screen.match import fired
    from bot.domain.screen.ngrams import Model, learned_reason
    from bot.domain.screen.readings import dismissed_in
    from bot.domain.screen.tag import tag

    wait_loaded(None)
    rules = default_rules()
    sure = Model((), 50.0, {"default": 0.5}, {})  # a model that reads a crisis in every text
    out = {}
    for r in rows:
        lang, clauses = tag(r.text, rules)
        found = fired(clauses, lang, rules)
        reasons = tuple(sorted(found, key=lambda k: -found[k]))
        aside = partial(dismissed_in, text=r.text, lang=lang, clauses=clauses, rules=rules, reasons=reasons)
        said = learned_reason(r.text, lang, reasons, sure, aside)
        level = assess(r.text, ngrams_layer=False).level.value
        out[r.text] = Reading(level, said is not None and said.startswith("crisis:"))
    return out


def fit(rows: list[Row], c: float) -> Any:
    from scipy.sparse import hstack  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-not-found,import-untyped,unused-ignore]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-not-found,import-untyped,unused-ignore]

    from bot.domain.screen.tfidf import normalise

    texts = [r.text for r in rows]
    vectorizers = [
        TfidfVectorizer(preprocessor=normalise, ngram_range=WORD, min_df=MIN_DF, sublinear_tf=True),
        TfidfVectorizer(
            preprocessor=normalise, analyzer="char_wb", ngram_range=CHAR, min_df=MIN_DF, sublinear_tf=True
        ),
    ]
    x = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
    y = [r.label == "crisis" for r in rows]
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)
    return vectorizers, model


def probabilities(fitted: Any, texts: list[str]) -> list[float]:
    from scipy.sparse import hstack  # type: ignore[import-untyped,import-not-found,unused-ignore]

    vectorizers, model = fitted
    x = hstack([v.transform(texts) for v in vectorizers]).tocsr()
    return [float(p) for p in model.predict_proba(x)[:, 1]]


def out_of_fold(
    rows: list[Row], writers: list[str], c: float, also_out: str = "", cache: dict[Any, Any] | None = None
) -> dict[int, float]:
    """Each writer's messages scored by a model trained on everyone else but that writer and `also_out`
    (index -> P). `cache` keeps each fit's scores so a leave-one-writer-out run fits every pair once."""
    scores: dict[int, float] = {}
    for held in writers:
        key = (c, frozenset((held, also_out)))
        if cache is None or key not in cache:
            out = key[1]
            train = [r for r in rows if r.writer not in out]
            test = [i for i, r in enumerate(rows) if r.writer in out]
            fitted = dict(zip(test, probabilities(fit(train, c), [rows[i].text for i in test]), strict=True))
            if cache is None:
                cache = {}
            cache[key] = fitted
        scores.update({i: p for i, p in cache[key].items() if rows[i].writer == held})
    return scores


def rates(
    rows: list[Row], idx: list[int], p: dict[int, float], rules: dict[str, Reading], t: float
) -> dict[str, float]:
    """Crisis recall, relapse kept and benign scored crisis for rules alone and rules OR model."""

    def crisis(i: int, with_model: bool) -> bool:
        reading = rules[rows[i].text]
        return reading.level == "crisis" or (with_model and reading.may_page and p[i] >= t)

    out: dict[str, float] = {}
    for label in ("crisis", "relapse", "none"):
        sel = [i for i in idx if rows[i].label == label]
        for with_model in (False, True):
            key = f"{label}{'+' if with_model else ''}"
            if label == "relapse":
                hit = [
                    rules[rows[i].text].level in ("relapse", "crisis") or crisis(i, with_model) for i in sel
                ]
            else:
                hit = [crisis(i, with_model) for i in sel]
            out[key] = sum(hit) / len(sel) if sel else float("nan")
            out[f"n_{label}"] = len(sel)
    return out


def choose(
    rows: list[Row],
    writers: list[str],
    rules: dict[str, Reading],
    also_out: str = "",
    cache: dict[Any, Any] | None = None,
) -> tuple[float, dict[str, float]]:
    """C and per-language thresholds by leave-one-writer-out inside `writers` (see the module doc),
    with `also_out` left out of every fit (the writer a --lowo run holds out)."""
    best: tuple[float, float, dict[str, float]] | None = None
    for c in C_GRID:
        p = out_of_fold(rows, writers, c, also_out, cache)
        thresholds, recall = {}, 0.0
        for lang in ("en", "es"):
            idx = [i for i in p if rows[i].lang == lang]
            t = next(
                (t for t in THRESHOLDS if rates(rows, idx, p, rules, t)["none+"] <= BENIGN_TARGET),
                THRESHOLDS[-1],
            )
            thresholds[lang] = t
            recall += rates(rows, idx, p, rules, t)["crisis+"]
        print(f"  C={c}: thresholds {thresholds}, mean crisis recall {recall / 2:.3f}", file=sys.stderr)
        if best is None or recall > best[0]:
            best = (recall, c, thresholds)
    assert best is not None
    return best[1], best[2]


def lowo(rows: list[Row], rules: dict[str, Reading]) -> None:
    writers = sorted({r.writer for r in rows} - {"team"})
    print(
        "held-out  lang  crisis rules -> +model   relapse rules -> +model   benign->crisis rules -> +model   (C, t)"
    )
    cache: dict[Any, Any] = {}
    pooled: dict[str, list[int]] = {}
    for held in writers:
        c, thresholds = choose(rows, [w for w in writers if w != held], rules, held, cache)
        test = [i for i, r in enumerate(rows) if r.writer == held]
        fitted = fit([r for r in rows if r.writer != held], c)
        p = dict(zip(test, probabilities(fitted, [rows[i].text for i in test]), strict=True))
        for lang in ("en", "es"):
            idx = [i for i in test if rows[i].lang == lang]
            if not idx:
                continue
            r = rates(rows, idx, p, rules, thresholds[lang])
            print(
                f"{held:8}  {lang}    {r['crisis']:6.1%} -> {r['crisis+']:6.1%}  "
                f"  {r['relapse']:6.1%} -> {r['relapse+']:6.1%}  "
                f"  {r['none']:6.1%} -> {r['none+']:6.1%}   (n={r['n_crisis']}/{r['n_relapse']}/{r['n_none']})"
                f"  C={c} t={thresholds[lang]}",
                flush=True,
            )
            sums = pooled.setdefault(lang, [0, 0, 0, 0, 0, 0])
            for k, key in enumerate(("crisis", "crisis+", "relapse", "relapse+", "none", "none+")):
                sums[k] += round(r[key] * r[f"n_{key.rstrip('+')}"])
            sums_n = pooled.setdefault(f"n_{lang}", [0, 0, 0])
            for k, key in enumerate(("n_crisis", "n_relapse", "n_none")):
                sums_n[k] += int(r[key])
    for lang in ("en", "es"):
        (c0, c1, r0, r1, b0, b1), (nc, nr, nb) = pooled[lang], pooled[f"n_{lang}"]
        print(
            f"all       {lang}    {c0 / nc:6.1%} -> {c1 / nc:6.1%}    {r0 / nr:6.1%} -> {r1 / nr:6.1%}"
            f"    {b0 / nb:6.1%} -> {b1 / nb:6.1%}   (crisis {c0} -> {c1} of {nc}, benign {b0} -> {b1} of {nb})"
        )


def export(
    fitted: Any, c: float, thresholds: dict[str, float], rows: list[Row], paths: list[Path]
) -> dict[str, Any]:
    vectorizers, model = fitted
    coef = model.coef_[0]
    blocks, offset = [], 0
    for v, (lo, hi) in zip(vectorizers, (WORD, CHAR), strict=True):
        features = {
            gram: [float(v.idf_[j]), float(coef[offset + j])] for gram, j in sorted(v.vocabulary_.items())
        }
        blocks.append({"analyzer": v.analyzer, "ngram_range": [lo, hi], "features": features})
        offset += len(v.vocabulary_)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.writer] = counts.get(r.writer, 0) + 1
    return {
        "format": 1,
        "trained": {
            "on": [p.name for p in paths],
            "sha256": data_hash(paths),
            "messages": len(rows),
            "writers": counts,
            "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "target": "crisis vs everything else",
            "C": c,
            "min_df": MIN_DF,
            "chosen_by": f"leave-one-writer-out; lowest threshold keeping benign->crisis <= {BENIGN_TARGET:.0%}",
        },
        "thresholds": {**thresholds, "default": max(thresholds.values())},
        "bias": float(model.intercept_[0]),
        "blocks": blocks,
    }


def check_parity(data: dict[str, Any], fitted: Any, rows: list[Row]) -> None:
    from bot.domain.screen.ngrams import parse

    model = parse(json.loads(json.dumps(data)))
    texts = [r.text for r in rows]
    worst = max(
        abs(model.probability(t) - p) for t, p in zip(texts, probabilities(fitted, texts), strict=True)
    )
    assert worst < 1e-9, f"the pure-Python scorer differs from scikit-learn by {worst}"
    print(
        f"pure-Python scorer matches scikit-learn on {len(texts)} texts (max |diff| {worst:.1e})",
        file=sys.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lowo", action="store_true", help="print the leave-one-writer-out table, write nothing"
    )
    args = parser.parse_args()
    rows, paths = load()
    rules = rules_readings(rows)
    if args.lowo:
        lowo(rows, rules)
        return
    writers = sorted({r.writer for r in rows} - {"team"})
    c, thresholds = choose(rows, writers, rules)
    fitted = fit(rows, c)
    data = export(fitted, c, thresholds, rows, paths)
    check_parity(data, fitted, rows)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: C={c}, thresholds {thresholds}", file=sys.stderr)


if __name__ == "__main__":
    main()
