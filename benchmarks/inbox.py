"""The inbox's cost per update on the store thread: received (encrypted, written), made durable, done.

Polling fsyncs a getUpdates batch once, before the next getUpdates confirms it; a webhook's update
(and a batch of one) is fsynced on its own. The disk under the data dir sets most of the figure:
run it there (IOP_BENCH_DIR).

Run: .venv/bin/python -m benchmarks.inbox
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bot.store.crypto import FernetCodec, keygen
from bot.store.inbox import Inbox

UPDATES = 300
ROUNDS = 5
BATCHES = (1, 3, 10)
# A button press as Telegram sends it (the benchmark's updates are all of this size).
PRESS = {
    "update_id": 1,
    "callback_query": {
        "id": "4" * 19,
        "chat_instance": "-1234567890",
        "data": "ci:abcd1234:mood:5",
        "from": {"id": 100001, "is_bot": False, "first_name": "P1", "language_code": "en"},
        "message": {
            "message_id": 7,
            "date": 1764400000,
            "chat": {"id": 100001, "type": "private"},
            "text": "1/6 How is your mood right now?",
        },
    },
}


def per_update_ms(directory: Path, batch: int, codec: FernetCodec) -> float:
    """Milliseconds per update for UPDATES updates arriving ``batch`` at a time."""
    inbox = Inbox(directory / "inbox.log", codec)
    started = time.perf_counter()
    for b in range(UPDATES // batch):
        keys = [f"callback_query:{b}-{i}" for i in range(batch)]
        for key in keys:
            inbox.receive(key, PRESS, sync=batch == 1)
        inbox.sync()
        for key in keys:
            inbox.finish(key)
    elapsed = time.perf_counter() - started
    inbox.close()
    return elapsed / (UPDATES // batch * batch) * 1000


def main() -> None:
    codec = FernetCodec([keygen()])
    where = os.environ.get("IOP_BENCH_DIR")
    runs: dict[int, list[float]] = {b: [] for b in BATCHES}
    for _ in range(ROUNDS):  # interleaved, so a busy moment on a shared disk hits every batch size
        for batch in BATCHES:
            with tempfile.TemporaryDirectory(dir=where) as tmp:
                runs[batch].append(per_update_ms(Path(tmp), batch, codec))
    print(f"inbox, {UPDATES} button presses, {ROUNDS} rounds, in {where or tempfile.gettempdir()}")
    for batch, ms in runs.items():
        print(
            f"  {batch:3} per getUpdates batch: median {statistics.median(ms):5.2f} ms per update"
            f"  (min {min(ms):.2f}, max {max(ms):.2f})"
        )


if __name__ == "__main__":
    main()
