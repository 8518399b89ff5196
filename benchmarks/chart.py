"""How long one patient's 30-day chart takes to draw once matplotlib is loaded (the /history photo).

Run: .venv/bin/python -m benchmarks.chart
Replaces a timed assertion in the tests: a busy machine made it flaky, and a figure belongs here.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, date, datetime, timedelta

from bot.domain.checkins import Entry
from bot.reports.charts import render_history_png

TODAY = date(2026, 5, 30)
RUNS = 50


def entries(n: int) -> list[Entry]:
    """n days of check-ins ending today, mood and craving varying."""
    days = [TODAY - timedelta(days=i) for i in range(n)]
    return [
        Entry(
            f"e{i}",
            datetime(d.year, d.month, d.day, 23, tzinfo=UTC),
            d,
            {"mood": i % 11, "craving": (3 * i) % 11},
        )
        for i, d in enumerate(days)
    ]


def main() -> None:
    data = entries(30)
    render_history_png(entries(7), today=TODAY, days=7, title="Warm-up")
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        render_history_png(data, today=TODAY, days=30, title="Your last 30 days")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"30-day chart, {RUNS} renders: p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms")


if __name__ == "__main__":
    main()
