"""The garbage collector over a long run of the crisis screen: how many full (generation-2) collections, the
longest, all of them together, and memory, with the bot's collector policy (bot/collector.py) and without.

A run reads N messages as a busy bot would over hours: 90 % writers' and team's messages (read before
or not), 8 % new 4,096-character messages stitched from them, 2 % pages of random letters (nearly every
word new: the memos fill and turn over). A full collection walks every object the collector tracks and
lands on whichever message is being read; the share of messages over 2 ms is printed beside it.

Run: .venv/bin/python -m benchmarks.screen_gc [N] [--no-settle]
"""

from __future__ import annotations

import gc
import random
import resource
import sys
import time

from benchmarks.screen import TEND_EVERY, _long_messages, _random_pages
from bot import collector
from bot.domain.screen.assess import assess, default_rules
from bot.domain.screen.lemmas import wait_prepared
from tests.domain.screen import screen_corpus


class _Passes:
    """Each collection's generation and CPU time (gc.callbacks; a pass runs on the thread that set it off)."""

    def __init__(self) -> None:
        self.cpu: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._start = 0.0
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.thread_time()
        else:
            self.cpu[info["generation"]].append(time.thread_time() - self._start)


def _resident_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def main(argv: list[str]) -> None:
    n = int(next((a for a in argv if a.isdigit()), "20000"))
    default_rules()
    wait_prepared(None)
    texts = [e.text for e in screen_corpus.independent_development() + screen_corpus.development()]
    settled = "--no-settle" not in argv
    if settled:
        collector.settle()
    passes, rng, cpu = _Passes(), random.Random(1), []
    for k in range(n):
        if settled and k % TEND_EVERY == TEND_EVERY - 1:
            collector.tend()  # between messages, as the bot's task does every 30 s
        r = rng.random()
        if r < 0.90:
            message = rng.choice(texts)
        elif r < 0.98:
            message = _long_messages(texts, rng, 1)[0]
        else:
            message = _random_pages(rng, 1)[0]
        start = time.thread_time()
        assess(message)
        cpu.append(time.thread_time() - start)
        if (k + 1) % (n // 4) == 0:
            print(
                f"  {k + 1:,} messages: tracked {len(gc.get_objects()):,}, full passes {len(passes.cpu[2])},"
                f" resident {_resident_mb()} MB",
                flush=True,
            )
    full = passes.cpu[2]
    young = passes.cpu[0] + passes.cpu[1]
    print(
        f"{'with' if settled else 'without'} the collector policy, {n:,} messages: full collections {len(full)},"
        f" longest {max(full, default=0) * 1000:.1f} ms, all {sum(full) * 1000:.0f} ms of CPU; young ones"
        f" {len(young)}, longest {max(young, default=0) * 1000:.1f} ms, all {sum(young) * 1000:.0f} ms;"
        f" messages over 2 ms {sum(c > 0.002 for c in cpu) / n * 100:.2f} %; resident {_resident_mb()} MB,"
        f" peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
