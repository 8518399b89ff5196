"""Run an admin operation: here, holding the data-dir lock, or in the running bot that owns it."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.admin.control import NoBotListening, call_running_bot
from bot.config.settings import Settings
from bot.store.lock import DataDirBusyError

# How long a command waits for another one (or a starting bot) to free the data directory.
LOCK_WAIT_SECONDS = 60.0


def admin(settings: Settings, op: str, params: dict[str, Any]) -> Any:
    """Run an admin operation here (holding the data-dir lock), or in the running bot that owns it.

    When another command holds the lock (or a bot is starting or stopping, so nobody answers on the
    control socket yet), wait for it: parallel commands run one after another, never fail for it.
    """
    from bot.admin.control import run_operation
    from bot.runtime import open_services

    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            with open_services(settings, role="cli") as services:
                return asyncio.run(run_operation(services, op, params))
        except DataDirBusyError as busy:  # only open_services raises it: the operation never ran here
            try:
                return call_running_bot(settings.data_dir, op, params)
            except NoBotListening:
                if time.monotonic() >= deadline:
                    raise DataDirBusyError(_still_busy(settings, busy), busy.owner) from None
            time.sleep(0.05)  # a retry interval while the holder finishes, not a test of "nothing happened"


def _still_busy(settings: Settings, busy: DataDirBusyError) -> str:
    pid = busy.owner.split()[0]
    who = {
        "cli": f"another iop-bot command (pid {pid})",
        "bot": f"a bot (pid {pid}) that does not answer on its control socket (starting, stopping or stuck)",
    }.get(busy.role, f"process {pid}")
    return (
        f"the data directory {settings.data_dir} is held by {who}; waited {LOCK_WAIT_SECONDS:.0f} s. "
        "Try again when it has finished."
    )
