"""The store at program scale: 0, 100,000 and 1,000,000 stored check-ins (up to 10,000 patients x 100 days).

For each size: recording one check-in (p50/p99, fsync included) and reading one patient's last 90
days (p50/p99, from a cold shard), against the same two operations on a naive single-file TinyDB
holding every check-in (its default JSON storage, which does not even fsync).

Run: .venv/bin/python -m benchmarks.store_scale          (IOP_BENCH_NAIVE=0 skips the naive store)
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tinydb import Query, TinyDB

from bot.domain.checkins import Entry, load_checkin_config
from bot.store.repository import Repository

DAYS = 100
SIZES = (0, 1_000, 10_000)  # patients with DAYS check-ins each: 0, 100,000 and 1,000,000 check-ins
SAMPLES = 200
NAIVE_SAMPLES = 5  # each naive operation re-reads (and a write re-writes) the whole file
START = date(2026, 1, 1)


def _rows(patient: int) -> dict[str, dict[str, object]]:
    made = datetime(2026, 1, 1, 20, tzinfo=UTC)
    return {
        str(i + 1): Entry(
            f"s{patient}x{i}",
            made + timedelta(days=i),
            START + timedelta(days=i),
            {"mood": i % 11, "craving": 3},
        ).to_dict()
        for i in range(DAYS)
    }


def _seed_shards(data_dir: Path, patients: int) -> None:
    (data_dir / "patients").mkdir(parents=True)
    for p in range(patients):
        (data_dir / "patients" / f"p{p}.json").write_text(json.dumps({"checkins": _rows(p)}))


def _seed_naive(path: Path, patients: int) -> None:
    table: dict[str, object] = {}
    for p in range(patients):
        for row in _rows(p).values():
            table[str(len(table) + 1)] = {**row, "patient_id": f"p{p}"}
    path.write_text(json.dumps({"checkins": table}))


def _percentiles(fn: Callable[[int], object], samples: int, patients: int) -> tuple[float, float]:
    timings = []
    # Different patients each time: a file rewritten moments ago waits on the file system's
    # journal (twice as slow here), which would measure the sampling, not the store.
    whos = random.sample(range(patients), samples) if patients >= samples else list(range(samples))
    for who in whos:
        started = time.perf_counter()
        fn(who)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))]


def _new_entry(n: int) -> Entry:
    return Entry(f"new{n}{random.random()}", datetime.now(UTC), START + timedelta(days=DAYS), {"mood": 5})


def ours(patients: int) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    config = dataclasses.replace(load_checkin_config(), same_day="add")
    since = START + timedelta(days=DAYS - 90)
    with tempfile.TemporaryDirectory() as tmp:
        _seed_shards(Path(tmp), patients)
        os.sync()  # the seeded files' background write-back would otherwise slow the fsyncs measured
        repo = Repository(Path(tmp))
        write = _percentiles(lambda p: repo.record_checkin(f"p{p}", _new_entry(p), config), SAMPLES, patients)
        # A patient with no history yet, in this store: what the store's size alone costs.
        fresh = _percentiles(lambda n: repo.record_checkin(f"new{n}", _new_entry(n), config), SAMPLES, 0)
        repo.close()
        repo = Repository(Path(tmp))  # cold: no shard open yet

        def history(p: int) -> None:
            assert patients == 0 or len([e for e in repo.checkins(f"p{p}") if e.local_date >= since]) >= 90

        read = _percentiles(history, SAMPLES, patients)
        repo.close()
    return write, read, fresh


def naive(patients: int) -> tuple[tuple[float, float], tuple[float, float]]:
    since = (START + timedelta(days=DAYS - 90)).isoformat()
    q = Query()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "naive.json"
        _seed_naive(path, patients)
        db = TinyDB(path)
        table = db.table("checkins", cache_size=0)
        write = _percentiles(
            lambda p: table.insert({**_new_entry(p).to_dict(), "patient_id": f"p{p}"}),
            NAIVE_SAMPLES,
            patients,
        )
        read = _percentiles(
            lambda p: table.search((q.patient_id == f"p{p}") & (q.local_date >= since)),
            NAIVE_SAMPLES,
            patients,
        )
        db.close()
    return write, read


def main() -> None:
    print(f"store at scale (ms; p50 / p99; ours {SAMPLES} samples, naive {NAIVE_SAMPLES})")
    print(
        f"{'check-ins':>10} | {'write ours':>15} | {'new patient':>15} | {'90-day read ours':>17} |"
        f" {'write naive':>17} | read naive"
    )
    base = None
    for patients in SIZES:
        (w50, w99), (r50, r99), (f50, f99) = ours(patients)
        base = base or w50
        row = f"{patients * DAYS:>10,} | {w50:6.2f} / {w99:6.2f} | {f50:6.2f} / {f99:6.2f} |"
        row += f" {r50:7.2f} / {r99:7.2f} |"
        if os.environ.get("IOP_BENCH_NAIVE", "1") != "0":
            (nw50, nw99), (nr50, nr99) = naive(patients)
            row += f" {nw50:7.1f} / {nw99:7.1f} | {nr50:7.1f} / {nr99:7.1f}"
        print(row + f"   (write p50 {w50 / base:.2f}x, new patient {f50 / base:.2f}x empty)")


if __name__ == "__main__":
    main()
