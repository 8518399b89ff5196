"""Cost of recording one check-in as the program's total grows (it must not grow with it).

Run: .venv/bin/python -m benchmarks.store_write
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.domain.checkins import Entry, load_checkin_config
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository

PER_PATIENT = 365  # a year of daily check-ins: more than any IOP stay plus aftercare
SAMPLES = 40


def _seed(data_dir: Path, patients: int) -> None:
    """Write shard files directly: generating them through the store would take minutes."""
    (data_dir / "patients").mkdir(parents=True)
    start = date(2025, 1, 1)
    for p in range(patients):
        rows = {
            str(i + 1): Entry(
                f"seed{p}x{i}", datetime(2025, 1, 1, tzinfo=UTC), start + timedelta(days=i), {"mood": i % 11}
            ).to_dict()
            for i in range(PER_PATIENT)
        }
        (data_dir / "patients" / f"p{p}.json").write_text(json.dumps({"checkins": rows}))


def measure(patients: int, *, encrypted: bool = False) -> float:
    """Median milliseconds to record one check-in for one patient, with `patients` full shards."""
    config = dataclasses.replace(load_checkin_config(), same_day="add")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        _seed(data_dir, patients)
        # Seeded files are plain JSON; the codec reads them and writes them back encrypted.
        repo = Repository(data_dir, codec=FernetCodec([keygen()]) if encrypted else None)
        timings = []
        for i in range(SAMPLES):
            entry = Entry(f"new{i}", datetime.now(UTC), date(2026, 6, 1), {"mood": 5})
            started = time.perf_counter()
            repo.record_checkin("p0", entry, config)
            timings.append((time.perf_counter() - started) * 1000)
        repo.close()
        return statistics.median(timings)


def main() -> None:
    print(f"record_checkin, median of {SAMPLES} (fsync included), {PER_PATIENT} check-ins per patient")
    for patients in (1, 30, 300):
        total = patients * PER_PATIENT
        plain, encrypted = measure(patients), measure(patients, encrypted=True)
        print(
            f"  {patients:>4} patients, {total:>7,} check-ins stored: {plain:6.2f} ms plain, {encrypted:6.2f} ms encrypted"
        )


if __name__ == "__main__":
    main()
