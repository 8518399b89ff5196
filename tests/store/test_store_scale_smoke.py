"""The store benchmark's contract (`python -m benchmarks.store_scale --json`): one JSON line of that shape.

Tiny sizes: the figures themselves come from the full run (README), never from the test suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

KINDS = {"checkin", "settings", "enroll", "audit", "alert"}


@pytest.mark.slow
def test_the_benchmark_prints_one_json_line_of_the_contract() -> None:
    sizes = {"IOP_BENCH_PATIENTS": "12", "IOP_BENCH_DAYS": "2", "IOP_BENCH_AUDIT": "40"}
    env = {**os.environ, **sizes, "IOP_BENCH_SAMPLES": "5", "IOP_BENCH_COHORT": "3"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.store_scale", "--json"],
        env=env, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    (line,) = done.stdout.strip().splitlines()
    result = json.loads(line)
    assert result["full"] == {"patients": 12, "checkins": 12 * 2 + 3 * (365 - 2), "audit_rows": 40}
    assert set(result["writes"]) == KINDS
    for figures in result["writes"].values():
        assert set(figures) == {"empty_p50_ms", "full_p50_ms", "full_p99_ms"}
        assert all(value > 0 for value in figures.values())
    assert result["startup_s"] > 0 and result["peak_rss_mb"] > 0
    assert result["checkin_p99_during_export_ms"] > 0 and result["exports_during_checkins"] >= 1
    assert result["checkin_p99_during_cli_export_ms"] > 0 and result["cli_exports_during_checkins"] >= 1
