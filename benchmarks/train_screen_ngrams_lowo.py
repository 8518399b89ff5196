"""`python -m benchmarks.train_screen_ngrams --lowo`: the learned layer's training procedure measured
writer by writer. For each independent writer held out, the thresholds are chosen by the same
cross-validation inside the other writers only (benchmarks/train_screen_ngrams.choose), the model is
trained without that writer, and the writer's messages are read by rules OR model. Writes nothing."""

from __future__ import annotations

from benchmarks.train_screen_ngrams import OFF, Folds, Reading, Row, choose, hits
from bot.domain.screen.ngrams import WINDOW

KEYS = tuple(
    k for key in ("crisis", "relapse", "none", "benign_relapse") for k in (key, key + "+", "n_" + key)
)


def _pct(k: int, n: int) -> str:
    return f"{k / n:6.1%}" if n else "     -"


def lowo(
    rows: list[Row], rules: dict[str, Reading], folds: Folds, pairs: bool = False
) -> dict[str, dict[str, int]]:
    """Print the table; return the pooled counts per language (and per writer, as 'w10/en').

    The held-out writer's messages are always scored by a model trained without them. Its thresholds are
    chosen on the other writers' out-of-fold scores: with `pairs`, from models trained without the held-out
    writer as well (one fit per pair of writers: 210 for 21 writers); without, from the fits the training
    itself uses (one per writer), which saw the held-out writer's text among twenty writers' (a slight
    optimism in the thresholds only)."""
    writers = sorted({r.writer for r in rows} - {"team"})
    print(
        "held-out  lang  crisis rules -> +model   relapse rules -> +model   benign->crisis rules -> +model"
        "   benign->relapse   (n crisis/relapse/benign)  t crisis, relapse"
    )
    out: dict[str, dict[str, int]] = {}
    for held in writers:
        thresholds = choose(rows, [w for w in writers if w != held], rules, folds, held if pairs else "")
        p = folds.scores(frozenset((held,)))
        for lang in ("en", "es"):
            idx = [i for i in p if rows[i].lang == lang]
            if not idx:
                continue
            h = hits(rows, idx, p, rules, *thresholds[lang])
            out[f"{held}/{lang}"] = h
            _add(out.setdefault(lang, dict.fromkeys(KEYS, 0)), h)
            for long in (False, True):
                part = [i for i in idx if (len(rows[i].text) > WINDOW) == long]
                key = f"{lang} {'long' if long else 'short'}"
                _add(
                    out.setdefault(key, dict.fromkeys(KEYS, 0)), hits(rows, part, p, rules, *thresholds[lang])
                )
            print(_line(held, lang, h) + "  t={}, {}, long {}, {}".format(*thresholds[lang]), flush=True)
    for lang in ("en", "es"):
        h = out[lang]
        worst = max((v["none+"] / v["n_none"], k) for k, v in out.items() if k.endswith("/" + lang))
        print(
            _line("all", lang, h) + f"  (crisis {h['crisis']} -> {h['crisis+']} of {h['n_crisis']}, benign "
            f"{h['none']} -> {h['none+']} of {h['n_none']}; worst writer {worst[1]} {worst[0]:.1%})"
        )
    # By length: a long text (over ngrams.WINDOW) is read window by window and answers to its own threshold.
    for lang in ("en", "es"):
        for size in ("short", "long"):
            print(_line(size, lang, out[f"{lang} {size}"]))
    return out


def _add(pooled: dict[str, int], h: dict[str, int]) -> None:
    for key in KEYS:
        pooled[key] += h[key]


def _line(who: str, lang: str, h: dict[str, int]) -> str:
    nc, nr, nb = h["n_crisis"], h["n_relapse"], h["n_none"]
    return (
        f"{who:8}  {lang}    {_pct(h['crisis'], nc)} -> {_pct(h['crisis+'], nc)}  "
        f"  {_pct(h['relapse'], nr)} -> {_pct(h['relapse+'], nr)}  "
        f"  {_pct(h['none'], nb)} -> {_pct(h['none+'], nb)}"
        f"   {_pct(h['benign_relapse'], nb)} -> {_pct(h['benign_relapse+'], nb)}   (n={nc}/{nr}/{nb})"
    )


def curve(rows: list[Row], rules: dict[str, Reading], folds: Folds) -> None:
    """The trade-off at fixed thresholds, every writer read by a model trained without them: per language,
    short and long texts apart, crisis recall and benign text scored crisis, rules alone -> rules + model,
    and the three writers with the most benign text paged (20 benign messages or more)."""
    writers = sorted({r.writer for r in rows} - {"team"})
    p = folds.held_out(writers)
    for long in (False, True):
        for lang in ("en", "es"):
            idx = [i for i in p if rows[i].lang == lang and (len(rows[i].text) > WINDOW) == long]
            by_writer: dict[str, list[int]] = {}
            for i in idx:
                by_writer.setdefault(rows[i].writer, []).append(i)
            for t in [round(0.4 + 0.05 * k, 2) for k in range(12)]:
                h = hits(rows, idx, p, rules, t, OFF, t)
                worst = sorted(
                    ((v["none+"] / v["n_none"], w) for w, ii in by_writer.items()
                     if (v := hits(rows, ii, p, rules, t, OFF, t))["n_none"] >= 20),
                    reverse=True,
                )[:3]  # fmt: skip
                print(
                    f"{'long' if long else 'short'} {lang} t={t:.2f}  crisis {_pct(h['crisis'], h['n_crisis'])} ->"
                    f" {_pct(h['crisis+'], h['n_crisis'])}  benign->crisis {_pct(h['none'], h['n_none'])} ->"
                    f" {_pct(h['none+'], h['n_none'])} (+{h['none+'] - h['none']} of {h['n_none']})  worst "
                    + ", ".join(f"{w} {v:.1%}" for v, w in worst)
                )
