"""How long a live backup holds the bot's store thread (ops O93): while it is held, nothing the bot does that
touches the store goes on, a patient's crisis words included (the newcomer's probe went unanswered 35-41 s for
a 1 GB program).

Seeds a program (benchmarks/store_seed.py, encrypted as in production), opens it as the bot does, and runs the
`backup` operation as the control socket runs it, while a probe reads through the store every 50 ms: the longest
probe wait is how long the store was held in one stretch. Also the backup's whole time and size.

Run: .venv/bin/python -m benchmarks.backup_hold [--json]
Sizes: IOP_BENCH_PATIENTS (2000), IOP_BENCH_DAYS (180), IOP_BENCH_AUDIT (200000).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.store_seed import seed
from bot.admin.control import run_operation
from bot.config.settings import Settings
from bot.runtime import open_services
from bot.store.crypto import keygen

PROBE_EVERY = 0.05  # seconds between two probes of the store


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


async def _measure(settings: Settings, out: Path) -> dict[str, float]:
    with open_services(settings) as services:
        waits: list[float] = []
        began = time.perf_counter()
        backup = asyncio.create_task(run_operation(services, "backup", {"out": str(out), "by": "bench"}))
        while not backup.done():
            asked = time.perf_counter()
            await services.db(services.repo.counselors)
            waits.append(time.perf_counter() - asked)
            if os.environ.get("IOP_BENCH_TRACE") and waits[-1] > 0.1:
                print(f"wait {waits[-1]:.3f} s at {asked - began:.2f} s", file=sys.stderr)
            await asyncio.sleep(PROBE_EVERY)
        await backup
        took = time.perf_counter() - began
    return {
        "backup_s": round(took, 2),
        "longest_store_wait_s": round(max(waits), 3),
        "probes": len(waits),
    }


def main() -> None:
    count = int(os.environ.get("IOP_BENCH_PATIENTS", "2000"))
    days = int(os.environ.get("IOP_BENCH_DAYS", "180"))
    audit = int(os.environ.get("IOP_BENCH_AUDIT", "200000"))
    key = keygen()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        seed(data, key, count=count, days=days, audit_rows=audit)
        settings = Settings(bot_token="4242:bench", data_dir=data, data_keys=(key,))
        out = Path(tmp) / "b.iopbak"
        figures: dict[str, float] = asyncio.run(_measure(settings, out))
        figures = {"patients": count, "days": days, "data_mb": round(_size(data) / 1e6, 1), **figures}
        figures["backup_mb"] = round(out.stat().st_size / 1e6, 1)
    if "--json" in sys.argv:
        print(json.dumps(figures))
        return
    for name, value in figures.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
