"""systemd's watchdog (ops O54): a bot whose event loop hangs, or whose store does (ops O80), is killed and started
again.

A hung process (a deadlock, I/O stuck on a dead disk, a machine swapping to death) held the token and the data
dir, answered nobody, and looked "active (running)" to systemd for as long as it lasted: crisis words waited and
nobody was told. Under the documented unit (`WatchdogSec=`, `NotifyAccess=main`) systemd sets WATCHDOG_USEC and
NOTIFY_SOCKET; the bot then says "WATCHDOG=1" on that socket from a job of its event loop, twice per period. A
loop that stops running jobs stops saying it, and systemd kills the process (SIGABRT) and starts it again
(`Restart=on-failure`). Without those variables (a terminal, Docker, the tests) nothing is sent.

The loop alone is not enough: with the data dir's file system frozen (a dead disk, a hung network mount) the store
thread blocked on a write while the loop kept pinging, so crisis words went unanswered for minutes with no log line
and systemd saw a healthy bot (ops O80). Each ping therefore also asks the store something small; when it has not
answered for ``STORE_GRACE`` the pings stop (an ERROR says so at once, and when it answers again).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from bot.systemd import interval, notify
from bot.telegram.services import App, Context, Services

log = logging.getLogger(__name__)

# How long the store may take to answer before the pings stop. Longer than any store call the bot makes on
# purpose (a slow disk's fsync; a backup held it for tens of seconds before ops O93), so only a real hang
# gets the bot restarted: after it, systemd waits one more WatchdogSec= before it acts.
STORE_GRACE = 300.0


@dataclass
class StoreWatch:
    """When the store last answered (monotonic seconds), and the probe under way."""

    answered: float
    every: float  # seconds between two pings
    probe: asyncio.Task[None] | None = None
    stuck_said: bool = False
    asked: float = 0.0  # when the probe under way was asked (monotonic seconds)


async def _probe(svc: Services, watch: StoreWatch) -> None:
    try:
        await svc.db(svc.repo.counselors)
    except Exception:  # an error is an answer: a hang, not a failure, is what this watches for
        log.debug("watchdog: the store's probe failed", exc_info=True)
    watch.answered = time.monotonic()
    if watch.stuck_said:
        log.warning("the store answers again")
        watch.stuck_said = False


def store_ok(watch: StoreWatch, svc: Services, now: float) -> bool:
    """Start a probe if none is under way; whether the store answered within STORE_GRACE. Silence is counted
    from the asking of a probe still unanswered: counted from the last answer, a store that answered the last
    ping's probe in a millisecond was "silent for 60 s" at the next ping, one jittered millisecond past the
    period (ops O101: a false ERROR a minute after every start, which trains admins to ignore the real one)."""
    if watch.probe is None or watch.probe.done():
        watch.probe, watch.asked = asyncio.ensure_future(_probe(svc, watch)), now
    silent = now - watch.asked
    if silent > watch.every and not watch.stuck_said:
        log.error(
            "the store has not answered for %.0f s (is I/O stuck on the data dir?); crisis words wait for it. "
            "After %.0f s the bot stops pinging systemd's watchdog, which then restarts it",
            silent,
            STORE_GRACE,
        )
        watch.stuck_said = True
    return silent <= STORE_GRACE


async def _ping(context: Context) -> None:
    job = context.job
    assert job is not None and isinstance(job.data, StoreWatch)
    if store_ok(job.data, context.svc, time.monotonic()):
        notify("WATCHDOG=1")


def watch(app: App) -> None:
    """Ping systemd's watchdog from the event loop while the bot runs and its store answers, when the unit
    asks for it."""
    every = interval()
    if every is None or app.job_queue is None:
        return
    log.info("systemd watchdog: pinging every %.0f s", every)
    data = StoreWatch(time.monotonic(), every)
    app.job_queue.run_repeating(_ping, interval=every, first=0, name="systemd-watchdog", data=data)
