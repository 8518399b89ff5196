"""systemd's watchdog (ops O54): a bot whose event loop hangs is killed and started again.

A hung process (a deadlock, I/O stuck on a dead disk, a machine swapping to death) held the token and the data
dir, answered nobody, and looked "active (running)" to systemd for as long as it lasted: crisis words waited and
nobody was told. Under the documented unit (`WatchdogSec=`, `NotifyAccess=main`) systemd sets WATCHDOG_USEC and
NOTIFY_SOCKET; the bot then says "WATCHDOG=1" on that socket from a job of its event loop, twice per period. A
loop that stops running jobs stops saying it, and systemd kills the process (SIGABRT) and starts it again
(`Restart=on-failure`). Without those variables (a terminal, Docker, the tests) nothing is sent.
"""

from __future__ import annotations

import logging

from bot.systemd import interval, notify
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)


async def _ping(context: Context) -> None:
    notify("WATCHDOG=1")


def watch(app: App) -> None:
    """Ping systemd's watchdog from the event loop while the bot runs, when the unit asks for it."""
    every = interval()
    if every is None or app.job_queue is None:
        return
    log.info("systemd watchdog: pinging every %.0f s", every)
    app.job_queue.run_repeating(_ping, interval=every, first=0, name="systemd-watchdog")
