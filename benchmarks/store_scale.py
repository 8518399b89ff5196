"""The store at a year-old program's scale: every kind of write on an empty and on a full store.

Full store: 10,000 patients, 1,000,000 check-ins (100 days each; a 200-patient cohort has a year),
1,000,000 audit rows, encrypted as in production, written directly (benchmarks/store_seed.py). For each
write kind, p50 on the empty store and p50/p99 on the full one (goal: full p50 <= 2x empty); start-up
and peak RSS on the full store, in a process of their own (goal < 3 s, < 200 MB); and the p99 of a check-in
write while a counselor's 1-year cohort export runs (goal < 50 ms), in the bot's own process and, as
`iop-bot export` runs, from a process of its own.

Run: .venv/bin/python -m benchmarks.store_scale [--json]
Sizes: IOP_BENCH_PATIENTS (10000), IOP_BENCH_DAYS (100), IOP_BENCH_AUDIT (1000000), IOP_BENCH_SAMPLES (200),
IOP_BENCH_COHORT (200).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.store_seed import COHORT, seed
from bot.domain.checkins import Entry, load_checkin_config
from bot.domain.enrollment import hash_code
from bot.domain.escalation import Alert
from bot.domain.models import EnrollmentCode
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository
from bot.store.worker import StoreWorker

PATIENTS = int(os.environ.get("IOP_BENCH_PATIENTS", "10000"))
DAYS = int(os.environ.get("IOP_BENCH_DAYS", "100"))
AUDIT = int(os.environ.get("IOP_BENCH_AUDIT", "1000000"))
SAMPLES = int(os.environ.get("IOP_BENCH_SAMPLES", "200"))
COHORT_SIZE = min(int(os.environ.get("IOP_BENCH_COHORT", "200")), PATIENTS)
NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


def _pcts(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))]


def _timed(fn: Callable[[int], object], samples: int) -> list[float]:
    out = []
    for n in range(samples):
        started = time.perf_counter()
        fn(n)
        out.append((time.perf_counter() - started) * 1000)
    return out


def writes(data_dir: Path, key: str, patients: int) -> dict[str, list[float]]:
    """Each write kind SAMPLES times, on different patients (a file rewritten moments ago waits on the
    file system's journal, which would measure the sampling, not the store)."""
    repo = Repository(data_dir, codec=FernetCodec([key]))
    config = dataclasses.replace(load_checkin_config(), same_day="add")
    who = random.Random(16).sample(range(patients), SAMPLES)
    pid = [f"b{n}" for n in who]
    tag = random.randrange(10**9)

    def checkin(n: int) -> None:
        entry = Entry(f"new{tag}x{n}", NOW, date(2026, 11, 1), {"mood": 5})
        repo.record_checkin(pid[n], entry, config)

    def settings(n: int) -> None:
        patient = repo.patient(pid[n])
        assert patient is not None
        repo.save_patient(patient.with_changes(timezone="America/Chicago" if n % 2 else "America/Denver"))

    codes = [
        EnrollmentCode(hash_code(f"BENCH{tag}{n}"), f"N{tag}x{n}", 1000, NOW, NOW + timedelta(days=7))
        for n in range(SAMPLES)
    ]

    def enroll(n: int) -> None:
        repo.enroll(codes[n], 10**9 + tag % 10**6 * 1000 + n, NOW)

    def audit(n: int) -> None:
        repo.audit(NOW, 1000, "patient_viewed", pid[n])

    def alert(n: int) -> None:  # raised, then acknowledged: two writes
        raised = Alert(f"a{tag}x{n}", "crisis", pid[n], 1000, NOW, text="words")
        repo.add_alert(raised)
        repo.save_alert(dataclasses.replace(raised, acked_at=NOW, acked_by=1000))

    out = {"checkin": _timed(checkin, SAMPLES), "settings": _timed(settings, SAMPLES)}
    for code in codes:  # the admin's invitation comes first, and is not the write measured
        repo.add_code(code)
    out |= {
        "enroll": _timed(enroll, SAMPLES),
        "audit": _timed(audit, SAMPLES),
        "alert": _timed(alert, SAMPLES),
    }
    repo.close()
    return out


def checkins_during_export(data_dir: Path, key: str, *, own_process: bool = False) -> tuple[float, int]:
    """p99 of a check-in write (submit to done) while the cohort's 1-year CSV export runs; exports done.

    ``own_process``: the export runs as `iop-bot export` does, in a process of its own whose store calls
    reach the bot's store thread over a pipe (the control socket's part); otherwise in a thread of the bot's
    own process, sharing its interpreter (the worst case)."""
    from bot.admin.records import OPERATIONS
    from bot.config.settings import Settings

    worker = StoreWorker()
    repo = worker.call(Repository, data_dir, codec=FernetCodec([key]))
    settings = Settings(data_dir=data_dir, data_keys=(key,), allow_unencrypted=False)
    config = dataclasses.replace(load_checkin_config(), same_day="add")
    done, exports = threading.Event(), [0]

    def store(op: str, args: dict[str, Any]) -> Any:
        return worker.call(OPERATIONS[op], repo, settings, NOW, args)

    thread = threading.Thread(
        target=_relay if own_process else _exporting, args=(store, settings, done, exports)
    )
    thread.start()
    timings = []
    try:
        for n in range(SAMPLES):
            entry = Entry(f"load{n}", NOW, date(2026, 11, 1), {"mood": 5})
            started = time.perf_counter()
            worker.call(
                repo.record_checkin, f"b{COHORT_SIZE + n % max(1, PATIENTS - COHORT_SIZE)}", entry, config
            )
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        done.set()
        thread.join()
        worker.call(repo.close)
        worker.close()
    return _pcts(timings)[1], exports[0]


def _exporting(store: Any, settings: Any, done: threading.Event, exports: list[int]) -> None:
    from bot.admin.records import export_records

    while not done.is_set():
        assert export_records(store, settings, {"cohort": COHORT})["rows"] >= COHORT_SIZE * DAYS
        exports[0] += 1


def _relay(store: Any, settings: Any, done: threading.Event, exports: list[int]) -> None:
    """The bot's side of an export in another process: each request it sends is one store call."""
    import multiprocessing

    ours, theirs = multiprocessing.Pipe()
    stop = multiprocessing.get_context("fork").Event()
    child = multiprocessing.get_context("fork").Process(target=_export_child, args=(theirs, settings, stop))
    child.start()
    while True:
        if done.is_set():
            stop.set()
        if not ours.poll(0.05):
            continue
        op, args = ours.recv()
        if op == "finished":
            exports[0] = int(args)
            break
        ours.send(store(op, args))
    child.join()


def _export_child(pipe: Any, settings: Any, stop: Any) -> None:
    from bot.admin.records import export_records

    def run(op: str, args: dict[str, Any]) -> Any:
        pipe.send((op, args))
        return pipe.recv()

    count = 0
    while not count or not stop.is_set():  # at least one, however soon the check-ins are done
        assert export_records(run, settings, {"cohort": COHORT})["rows"] >= COHORT_SIZE * DAYS
        count += 1
    pipe.send(("finished", count))


def startup(data_dir: Path, key: str) -> dict[str, float]:
    """Open the store and start polling (jobs planned) on the full store, in a fresh process."""
    env = {**os.environ, "IOP_DATA_KEY": key}
    code = f"from benchmarks.store_scale import _startup_child as s; s({str(data_dir)!r})"
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _startup_child(data_dir: str) -> None:
    import resource

    from bot.config.settings import Settings
    from bot.devtools.demo import DEMO_TOKEN
    from bot.devtools.emulator import BotApiEmulator
    from bot.runtime import open_services, running
    from bot.telegram.app import build_application

    async def measure() -> float:
        with BotApiEmulator(token=DEMO_TOKEN) as emu:
            keys = (os.environ["IOP_DATA_KEY"],)
            settings = Settings(
                bot_token=DEMO_TOKEN, bot_api_url=emu.base_url, data_dir=Path(data_dir), data_keys=keys
            )
            started = time.perf_counter()
            with open_services(settings) as services:
                app = build_application(settings, services)
                async with running(app, poll_timeout=1, control=False):
                    return time.perf_counter() - started

    took = asyncio.run(measure())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"startup_s": round(took, 2), "peak_rss_mb": round(rss)}))


def main(argv: list[str]) -> None:
    key = keygen()
    as_json = "--json" in argv
    with tempfile.TemporaryDirectory() as tmp:
        empty, full = Path(tmp) / "empty", Path(tmp) / "full"
        seed(empty, key, count=SAMPLES, days=0, audit_rows=0)
        started = time.perf_counter()
        checkins = seed(
            full,
            key,
            count=PATIENTS,
            days=DAYS,
            audit_rows=AUDIT,
            cohort_size=COHORT_SIZE,
            cohort_days=365,
            alerts=400,
        )
        seeded = time.perf_counter() - started
        if not as_json:
            print(
                f"seeded {PATIENTS:,} patients, {checkins:,} check-ins, {AUDIT:,} audit rows in {seeded:.0f} s"
            )
        boot = startup(full, key)  # before the writes: a store as a year of use left it
        before, after = writes(empty, key, SAMPLES), writes(full, key, PATIENTS)
        export_p99, exports = checkins_during_export(full, key)
        apart_p99, apart = checkins_during_export(full, key, own_process=True)
    result: dict[str, Any] = {
        "full": {"patients": PATIENTS, "checkins": checkins, "audit_rows": AUDIT},
        "writes": {
            kind: {
                "empty_p50_ms": round(_pcts(before[kind])[0], 2),
                "full_p50_ms": round(_pcts(after[kind])[0], 2),
                "full_p99_ms": round(_pcts(after[kind])[1], 2),
            }
            for kind in before
        },
        **boot,
        "checkin_p99_during_export_ms": round(export_p99, 2),
        "exports_during_checkins": exports,
        "checkin_p99_during_cli_export_ms": round(apart_p99, 2),
        "cli_exports_during_checkins": apart,
        "seed_s": round(seeded),
    }
    if as_json:
        print(json.dumps(result))
        return
    for kind, w in result["writes"].items():
        ratio = w["full_p50_ms"] / w["empty_p50_ms"]
        print(f"{kind:>9}: empty p50 {w['empty_p50_ms']:7.2f} ms, full p50 {w['full_p50_ms']:7.2f} ms "
              f"(p99 {w['full_p99_ms']:7.2f}): {ratio:.2f}x")  # fmt: skip
    print(f"start-up {boot['startup_s']} s, peak RSS {boot['peak_rss_mb']} MB; check-in p99 during a "
          f"{COHORT_SIZE}-patient 1-year export: {export_p99:.1f} ms ({exports} exports) in the bot's process, "
          f"{apart_p99:.1f} ms ({apart} exports) from a process of its own, as `iop-bot export`")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
