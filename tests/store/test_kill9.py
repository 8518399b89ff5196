"""kill -9 while writing: every file still parses and every acknowledged check-in is there."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import signal
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.domain.checkins import Entry, load_checkin_config
from bot.store import files
from bot.store.repository import Repository

pytestmark = pytest.mark.slow

# 50 in `make test` (each round is a fork, a few writes and a kill); `make soak` runs 1,000.
ROUNDS = int(os.environ.get("IOP_KILL9_ROUNDS", "50"))
CONFIG = dataclasses.replace(load_checkin_config(), same_day="add")


def _entry(n: int) -> Entry:
    return Entry(f"e{n}", datetime.now(UTC), date(2026, 1, n % 28 + 1), {"mood": n % 11})


def _write_until_killed(data_dir: Path, start: int, ack_fd: int) -> None:
    """The child: record check-ins forever, acknowledging each one after its write returns."""
    try:
        repo = Repository(data_dir)
        n = start
        while True:
            repo.record_checkin(f"p{n % 3}", _entry(n), CONFIG)
            os.write(ack_fd, f"{n}\n".encode())
            n += 1
    finally:
        os._exit(1)


def _one_round(data_dir: Path, start: int, rng: random.Random) -> list[int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _write_until_killed(data_dir, start, write_fd)
    os.close(write_fd)
    # Wait for a random number of acknowledgements, then a random part of one write (temp file,
    # fsync, rename, directory fsync take about a millisecond or more each), so kills land anywhere
    # in a write, not only at its start.
    acked = b""
    for _ in range(rng.randrange(1, 6)):
        acked += os.read(read_fd, 64)
    deadline = time.perf_counter() + rng.uniform(0, 0.006)
    while time.perf_counter() < deadline:
        pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 65536):
        acked += chunk
    os.close(read_fd)
    return [int(line) for line in acked.decode().split()]


def test_nothing_acknowledged_is_lost_across_repeated_sigkills(tmp_path: Path) -> None:
    rng = random.Random(9)
    acknowledged: set[int] = set()
    next_n = 0
    for _ in range(ROUNDS):
        got = _one_round(tmp_path, next_n, rng)
        acknowledged.update(got)
        next_n = max(got, default=next_n) + 1
        for path in tmp_path.rglob("*.json"):
            json.loads(path.read_text())  # every file parses after every kill
    files.sweep_temp_files(tmp_path)
    assert files.quarantined(tmp_path) == []
    repo = Repository(tmp_path)
    stored = {int(e.entry_id[1:]) for p in ("p0", "p1", "p2") for e in repo.checkins(p)}
    assert acknowledged and acknowledged <= stored
    # At most one write per round was in flight when the kill landed.
    assert len(stored - acknowledged) <= ROUNDS
