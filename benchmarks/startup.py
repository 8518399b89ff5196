"""Start-up with 10,000 enrolled patients: time to open the store and rebuild every job, and memory.

Run: .venv/bin/python -m benchmarks.startup
"""

from __future__ import annotations

import asyncio
import resource
import tempfile
import time
from pathlib import Path

from benchmarks.seed import seed_patients
from bot.app import build_application
from bot.demo import DEMO_TOKEN
from bot.emulator import BotApiEmulator
from bot.jobs.daily import plan_of
from bot.runtime import open_services, running
from bot.settings import Settings

PATIENTS = int(__import__("os").environ.get("IOP_BENCH_PATIENTS", "10000"))


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, BotApiEmulator(token=DEMO_TOKEN) as emu:
        data_dir = Path(tmp) / "data"
        seed_patients(data_dir, PATIENTS)
        settings = Settings(
            bot_token=DEMO_TOKEN, bot_api_url=emu.base_url, data_dir=data_dir, allow_unencrypted=True
        )
        started = time.perf_counter()
        with open_services(settings) as services:
            opened = time.perf_counter()
            app = build_application(settings, services)
            async with running(app, poll_timeout=1, control=False):
                ready = time.perf_counter()
                jobs = len(app.job_queue.jobs()) if app.job_queue else 0
                planned = len(plan_of(app)._current)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"start-up with {PATIENTS:,} patients: store opened in {opened - started:.2f} s, "
        f"polling with {planned:,} daily pushes planned ({jobs} jobs) after {ready - started:.2f} s; "
        f"peak resident memory {rss_mb:.0f} MB"
    )


if __name__ == "__main__":
    asyncio.run(main())
