"""The garbage collector's policy for a long-running bot: what start-up built is frozen once, so that a full
collection walks only what was made since (issue 13: p99 <= 2 ms per message, and a full pass lands on
whichever message is being read).

A full (generation-2) pass walks every object the collector tracks. A bot with 2,000 patients tracks
183,000 once started (the screen's rules, the libraries, the jobs), a pass over them 90 ms of CPU; the
benchmark's screen alone 110,000 and 50-150 ms. After `settle` they sit in the permanent generation and a
full pass walks only the objects made since: the screen's caches no longer hold tracked objects (its
words' memo and clause-set memory are tuples of strings and ints), so these stay few. Measured on
20,000 messages (benchmarks: 90 % writers' messages, 8 % new 4,096-character ones, 2 % pages of random
letters), longest full pass 153 -> 30 ms, all full passes 387 -> 132 ms of CPU, memory the same (240 MB).

Round 17 tried a freeze and reverted it (2480cc9): a frozen bot has full passes more often, and then each
walked the words' memo and the clause kinds, 40,000-80,000 objects more every hour. Those are no longer
tracked (bot/domain/screen/tag.py, frame_index.py), so the passes that come more often are short.

`tend`, every TEND_SECONDS from a bot task: CPython starts a young collection when allocations less
deallocations pass a threshold, so while a full memo turns over (the frame index's clause memory drops its
oldest entries as it takes new ones) none starts, and new entries pile up in generation 0, tracked until a
collection looks at them: 103,421 objects there at one pass, 100-118 ms of CPU on a 4,096-character message
in benchmarks.screen. A young collection now and then keeps that pile small (a few hundred objects a minute
in a bot: well under a millisecond, between messages).
"""

from __future__ import annotations

import gc
import logging
import threading

log = logging.getLogger(__name__)
_lock = threading.Lock()
_settled: list[int] = []  # the objects frozen, once per process
TEND_SECONDS = 30.0


def settle() -> bool:
    """Once start-up is done (the screen prepared): collect what start-up left, then freeze the rest, so no
    later full collection walks it. Once per process; True when it did it now. Its one pass costs what a
    full collection costs at start-up (tens of milliseconds, once)."""
    with _lock:
        if _settled:
            return False
        gc.collect()
        gc.freeze()
        _settled.append(gc.get_freeze_count())
    log.info(
        "garbage collector: %d objects built at start-up frozen; full collections walk only newer ones",
        _settled[0],
    )
    return True


def tend() -> None:
    """A collection of the youngest generation only (which brings no full pass nearer), so that objects
    made since the last one do not pile up unexamined while the memos turn over (the module's note)."""
    gc.collect(0)
