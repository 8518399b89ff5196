"""One thread owns the store, so TinyDB (not thread-safe) never sees two writers at once."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class StoreWorker:
    """Runs repository calls one at a time on a dedicated thread, off the event loop."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._thread_id = self._pool.submit(threading.get_ident).result()

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Await ``fn(*args, **kwargs)`` run on the store thread, in the caller's context (the update being
        handled is recorded with the conversation state it moves: bot/store/moved.py)."""
        future = self._pool.submit(contextvars.copy_context().run, fn, *args, **kwargs)
        return await asyncio.wrap_future(future)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` on the store thread and wait (inline when already on it)."""
        if threading.get_ident() == self._thread_id:
            return fn(*args, **kwargs)
        return self._pool.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        """Finish queued calls and stop the thread."""
        self._pool.shutdown(wait=True)
