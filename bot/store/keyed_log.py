"""A table kept as an append-only file of encrypted lines: the last value of each key wins.

For what every start-up needs whole in memory and that grows with the program (patients' profiles), where
a TinyDB file would be rewritten whole on each change. A change is one line (several keys in one line are
one atomic change) plus an fsync. When the lines appended since the last rewrite outweigh the live rows,
the file is rewritten with the live rows alone (write-and-rename, many rows a line), so its size and a
start-up's read stay proportional to what is live, and a write's average cost does not grow with history.

A last line cut short by a crash (never acknowledged) is copied aside and cut off, loudly; any whole line
that does not open refuses the file, left byte-for-byte as it is (fail closed, like every data file).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bot.store.storage import (
    Codec,
    CorruptFileError,
    DataRefusedError,
    IdentityCodec,
    StoreWriteError,
    set_aside_tail,
    write_atomically,
)

log = logging.getLogger(__name__)

ROWS_PER_LINE = 100  # a rewrite encrypts a few hundred lines for ten thousand rows, not ten thousand
MIN_COMPACT_BYTES = 256 * 1024

Row = dict[str, Any]


def read_lines(path: Path, codec: Codec | None) -> tuple[dict[str, Row], int, bytes]:
    """The live rows, the bytes of whole lines, and a cut-short tail; raises DataRefusedError."""
    return parse(path.read_bytes() if path.exists() else b"", codec, str(path))


def parse(raw: bytes, codec: Codec | None, name: str) -> tuple[dict[str, Row], int, bytes]:
    """`read_lines` of a file's bytes (a backup's copy, say)."""
    return _parse(raw, codec, name)[:3]


def _parse(raw: bytes, codec: Codec | None, name: str) -> tuple[dict[str, Row], int, bytes, int]:
    """`parse`, and how many changes the lines hold (live rows and those since overwritten or deleted)."""
    codec = codec or IdentityCodec()
    changed = 0
    whole = raw[: raw.rfind(b"\n") + 1]
    rows: dict[str, Row] = {}
    for number, line in enumerate(whole.split(b"\n")[:-1], start=1):
        try:
            changes = json.loads(codec.decode(line))["s"]
            if not isinstance(changes, dict):
                raise ValueError("not a change")
        except DataRefusedError as exc:
            raise type(exc)(f"{name} line {number}: {exc}") from None
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise CorruptFileError(f"{name} line {number}: torn or damaged ({type(exc).__name__})") from None
        changed += len(changes)
        for key, value in changes.items():
            if value is None:
                rows.pop(key, None)
            else:
                rows[key] = value
    tail = raw[len(whole) :]
    if tail and not _cut_short(tail, codec):
        raise CorruptFileError(f"{name}: ends in {len(tail)} bytes that are no line cut short by a crash")
    return rows, len(whole), tail, changed


def _cut_short(tail: bytes, codec: Codec) -> bool:
    start = b"{" if isinstance(codec, IdentityCodec) else b"gAAAAA"
    return len(tail) < 4 * 1024 * 1024 and (tail.startswith(start) or start.startswith(tail))


class KeyedLog:
    """One such table; only the store worker thread calls it."""

    def __init__(
        self, path: Path, codec: Codec | None = None, *, keep: Callable[[Row], bool] | None = None
    ) -> None:
        self.path, self._codec, self._keep = path, codec or IdentityCodec(), keep
        raw = path.read_bytes() if path.exists() else b""
        self._rows, self._size, tail, changed = _parse(raw, codec, str(path))
        self._fd = -1
        if tail:
            _set_aside(path, tail)
        # What a rewrite would take, guessed from the share of the changes read that are still live: cheap
        # (a first open of a patient's log is on the way of their check-in), and exact right after one.
        self._live = self._size * len(self._rows) // max(changed, 1)
        self.lines = raw[: self._size].count(b"\n")  # each one decrypted on its own at every open
        if path.exists():
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)

    @property
    def rows(self) -> Mapping[str, Row]:
        return self._rows

    def put(self, changes: Mapping[str, Row | None], *, compact: bool = True) -> None:
        """Set (or, with None, delete) rows in one durable line; raises StoreWriteError with nothing changed.

        ``compact=False``: never rewrite the file now, so this line stays the last one (see `undo`)."""
        line = self._line(dict(changes))
        if self._fd < 0:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomically(self.path, b"")
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(self._fd, view) :]
            os.fsync(self._fd)
        except OSError as exc:
            with contextlib.suppress(OSError):  # a half line would glue itself to the next one
                os.ftruncate(self._fd, self._size)
            raise StoreWriteError(
                exc.errno, f"could not save {self.path.name}: {exc.strerror or exc}"
            ) from exc
        self._size += len(line)
        self.lines += 1
        for key, value in changes.items():
            if value is None:
                self._rows.pop(key, None)
            else:
                self._rows[key] = dict(value)
        if compact:
            self.compact_if_due()

    def compact_if_due(self) -> None:
        """Compact when the appended lines outweigh the live rows."""
        if self._size > max(2 * self._live, MIN_COMPACT_BYTES):
            self.compact()

    def mark(self) -> int:
        """Where the next line will start: what `undo` goes back to."""
        return self._size

    def undo(self, mark: int) -> None:
        """Cut off the lines appended since ``mark`` (not yet acknowledged: a write that went with them
        failed), fsynced; memory is read back from the file. Raises OSError when the disk refuses."""
        if self._size == mark:
            return
        os.ftruncate(self._fd, mark)
        os.fsync(self._fd)
        raw = self.path.read_bytes()
        self._rows, self._size = _parse(raw, self._codec, str(self.path))[:2]
        self.lines = raw.count(b"\n")

    def compact(self) -> None:
        """Rewrite the file with the live rows alone (and drop those ``keep`` says are done with)."""
        if self._keep is not None:
            self._rows = {k: v for k, v in self._rows.items() if self._keep(v)}
        payload = write_rows(self.path, self._rows, self._codec)
        self.close()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self._size = self._live = len(payload)
        self.lines = payload.count(b"\n")

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _line(self, changes: Mapping[str, Row | None]) -> bytes:
        return line_of(changes, self._codec)


def line_of(changes: Mapping[str, Row | None], codec: Codec) -> bytes:
    text = json.dumps({"s": changes}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return codec.encode(text) + b"\n"


def write_rows(path: Path, rows: Mapping[str, Row], codec: Codec) -> bytes:
    """Replace the file with these rows, atomically; returns what was written."""
    items = list(rows.items())
    chunks = [dict(items[i : i + ROWS_PER_LINE]) for i in range(0, len(items), ROWS_PER_LINE)]
    payload = b"".join(line_of(chunk, codec) for chunk in chunks)
    write_atomically(path, payload)
    return payload


def _set_aside(path: Path, tail: bytes) -> None:
    copy = set_aside_tail(path, tail)
    log.error(
        "%s ended in %d bytes cut short (a change a crash interrupted, never acknowledged); they are kept "
        "at %s and the table goes on from its last whole line",
        path, len(tail), copy,
    )  # fmt: skip
