"""The alert sweep's hook into the inbox: what a full disk kept from being handled (ops O42)."""

from __future__ import annotations

from typing import Any

from bot.telegram.delivery import DurableQueue


async def retry_unfinished(app: Any) -> None:
    """What a full disk kept from being handled, handled without a restart once it has room (ops O42)."""
    if isinstance(app.update_queue, DurableQueue):
        await app.update_queue.retry()
