"""Which Telegram updates were handled: an append-only log of update ids, one fsync per claim.

A claim is made for every update before it is handled, so it is the most frequent write in the
bot. Rewriting a small JSON file through temp file, fsync, rename and a directory fsync costs two
fsyncs; appending a line costs one. The log holds only update ids (no health data), so it is not
encrypted. A line torn by a crash is cut off at start-up: that claim was never acknowledged, and
the handler after it never ran.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.store.files import write_private

WINDOW = 256  # four times the updates ever in flight at once (bot/ordering.py allows 64)
COMPACT_AT = 16 * WINDOW  # lines; then the log is rewritten with the recent window only


class UpdateClaims:
    """Claims on update ids; ids finish out of order, so recent ids are kept along with a floor."""

    def __init__(self, path: Path, floor: int = -1) -> None:
        self._path = path
        ids = _read(path)
        self._floor = max(floor, max(ids, default=-1) - WINDOW)
        self._done = {i for i in ids if i > self._floor}
        self._lines = len(ids)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if floor >= 0 and not ids:
            self._append(floor)  # carried over from the older JSON claim file

    def claim(self, update_id: int) -> bool:
        """Record that an update is being handled; False if it was handled before."""
        if update_id <= self._floor or update_id in self._done:
            return False
        self._append(update_id)
        self._done.add(update_id)
        newest = max(self._done)
        if newest - WINDOW > self._floor:
            self._floor = newest - WINDOW
            self._done = {i for i in self._done if i > self._floor}
        if self._lines >= COMPACT_AT:
            self._compact()
        return True

    def close(self) -> None:
        """Close the log."""
        os.close(self._fd)

    def _append(self, update_id: int) -> None:
        os.write(self._fd, f"{update_id}\n".encode())
        os.fsync(self._fd)
        self._lines += 1

    def _compact(self) -> None:
        keep = sorted(self._done | {self._floor})
        tmp = self._path.with_name(f".{self._path.name}.compact")
        write_private(tmp, "".join(f"{i}\n" for i in keep).encode())  # 0600 and fsynced, like every file
        os.replace(tmp, self._path)
        dir_fd = os.open(self._path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        os.close(self._fd)
        self._fd = os.open(self._path, os.O_WRONLY | os.O_APPEND)
        self._lines = len(keep)


def _read(path: Path) -> list[int]:
    """Every whole line of the log; a torn last line (a crash mid-append) is cut off the file."""
    if not path.exists():
        return []
    raw = path.read_bytes()
    whole = raw[: raw.rfind(b"\n") + 1]
    if len(whole) != len(raw):
        with open(path, "r+b") as f:
            f.truncate(len(whole))
            os.fsync(f.fileno())
    return [int(line) for line in whole.split()]
