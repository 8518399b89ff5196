"""Start-up's check of every data file (bot/store/preflight.py) with many patients: how long it takes.

.venv/bin/python -m benchmarks.preflight        # IOP_BENCH_PATIENTS=10000 by default
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from cryptography.fernet import Fernet

from bot.store.crypto import keygen
from bot.store.preflight import preflight

PATIENTS = int(os.environ.get("IOP_BENCH_PATIENTS", "10000"))


def main() -> None:
    key = keygen()
    fernet = Fernet(key.encode())
    checkins = {str(i): {"entry_id": f"e{i}", "answers": {"mood": 5, "note": "x" * 80}} for i in range(100)}
    shard = fernet.encrypt(json.dumps({"checkins": checkins}).encode())
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        (data_dir / "patients").mkdir(parents=True)
        (data_dir / "index.json").write_bytes(fernet.encrypt(b'{"patients": {}}'))
        for n in range(PATIENTS):
            (data_dir / "patients" / f"p{n}.json").write_bytes(shard)
        started = time.perf_counter()
        preflight(data_dir, (key,))
        took = time.perf_counter() - started
    print(
        f"start-up check of {PATIENTS:,} patient files of {len(shard):,} bytes (100 check-ins each): {took:.2f} s"
    )


if __name__ == "__main__":
    main()
