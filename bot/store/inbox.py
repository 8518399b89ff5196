"""The inbox: every update is on disk before Telegram is told it arrived, until it has been handled.

An append-only file of encrypted lines: ``received`` (the update itself; fsynced at once, or for a
whole getUpdates batch before the next getUpdates confirms it), ``done`` once its handlers have run, and ``alarm`` when admins were told the bot may be
going deaf. Start-up replays what was received but never done. Duplicates are recognised by what
the update *is* (its content), never by its id: Telegram restarts and jumps update ids.

A ``done`` line is written without an fsync: it survives a kill -9 (the kernel has it) and only a
power cut can lose it, which replays an update already handled (twice beats never). Compaction
keeps the updates not yet done and the identities of the most recent handled ones.

A received line holds the patient's words. When a patient erases words (/delete, "Don't send", the
kept text's day), ``scrub`` rewrites the file at once, so only identities stay of what was handled,
and again once the updates in flight at that moment are done (one of them may carry the same words).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import shutil
import stat
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from bot.store.storage import CORRUPT_MARK, Codec, IdentityCodec, write_atomically

log = logging.getLogger(__name__)

KEEP = 4096  # handled identities remembered: Telegram re-sends at most the unconfirmed (≤ 100 a batch)
KEEP_SECONDS = 2 * 24 * 3600  # Telegram keeps an unconfirmed update for 24 hours
COMPACT_AT = 4096  # lines appended since the last rewrite

Status = Literal["new", "pending", "done"]


@dataclasses.dataclass
class Contents:
    """What an inbox file says, read without changing it (doctor reads a running bot's inbox)."""

    seen: dict[str, float] = dataclasses.field(default_factory=dict)  # identity -> received at
    pending: dict[str, bytes] = dataclasses.field(default_factory=dict)  # identity -> its line
    alarms: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    lines: int = 0
    bad: list[str] = dataclasses.field(default_factory=list)  # "line N: reason"
    torn: int = 0  # bytes of a last line cut short by a crash


def read(path: Path, codec: Codec | None) -> Contents:
    """Parse the inbox; unreadable lines are listed in ``bad``, never raised."""
    out = Contents()
    if not path.exists():
        return out
    raw = path.read_bytes()
    whole = raw[: raw.rfind(b"\n") + 1]
    out.torn = len(raw) - len(whole)
    codec = codec or IdentityCodec()
    for number, line in enumerate(whole.split(b"\n")[:-1], start=1):
        if not line.strip():
            continue
        out.lines += 1
        try:
            entry = json.loads(codec.decode(line))
            _apply(out, entry, line)
        except (ValueError, TypeError, KeyError, RuntimeError) as exc:  # RuntimeError: DataKeyError
            out.bad.append(f"line {number}: {type(exc).__name__}")
    return out


def _apply(out: Contents, entry: dict[str, Any], line: bytes) -> None:
    if "r" in entry:
        key = str(entry["r"])
        if key not in out.seen:
            out.seen[key] = float(entry["t"])
            out.pending[key] = line
    elif "d" in entry:
        out.pending.pop(str(entry["d"]), None)
    elif "k" in entry:
        for key, at in entry["k"]:
            out.seen.setdefault(str(key), float(at))
    elif "a" in entry:
        out.alarms = [*out.alarms[-9:], entry]
    else:
        raise ValueError("unknown entry")


class Inbox:
    """The bot's inbox file; only the store worker thread calls it."""

    def __init__(
        self, path: Path, codec: Codec | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.path, self._codec, self._clock = path, codec or IdentityCodec(), clock
        found = read(path, codec)
        if found.bad:
            copy = path.with_name(f"{path.name}{CORRUPT_MARK}{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
            shutil.copy2(path, copy)
            log.error(
                "inbox %s: %d unreadable line(s) skipped (%s); the file as it was is kept at %s",
                path, len(found.bad), ", ".join(found.bad[:3]), copy,
            )  # fmt: skip
        self._seen, self._pending, self._alarms = found.seen, found.pending, found.alarms
        self._fd, self._size, self._appended = -1, 0, found.lines
        self._unsynced = False  # received lines written but not yet fsynced (receive(sync=False))
        self._scrub: set[str] = set()  # in flight at the last scrub: rewrite again once all are done
        loose = path.exists() and stat.S_IMODE(os.stat(path).st_mode) & 0o077
        try:
            if found.torn or found.bad or loose or not path.exists():
                self._compact()  # torn and bad lines go, and the mode is 0600
            else:  # left as it is: start-up changes nothing that is fine
                self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)
                self._size = os.fstat(self._fd).st_size
        except OSError as exc:
            log.error("inbox %s could not be rewritten at start-up: %s", path, exc)
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            self._size = os.fstat(self._fd).st_size

    # Receiving and finishing -------------------------------------------------------------------

    def receive(self, key: str, update: dict[str, Any], *, sync: bool = True) -> Status:
        """Record a received update unless it is a copy of one already received: durable now, or with
        ``sync=False`` at the next ``sync()``, which must come before Telegram is told it arrived."""
        if key in self._pending:
            return "pending"
        if key in self._seen:
            return "done"
        at = self._clock()
        line = self._line({"r": key, "t": at, "u": update})
        self._append(line, sync=sync)  # raises OSError with nothing recorded in memory
        self._unsynced = self._unsynced or not sync
        self._seen[key] = at
        self._pending[key] = line
        return "new"

    def finish(self, key: str) -> None:
        """Mark a received update as handled; it will not be replayed."""
        if self._pending.pop(key, None) is None:
            return
        self._append(self._line({"d": key}), sync=False)
        if self._scrub and (key in self._scrub or "" in self._scrub):
            self._scrub.discard(key)
            self._scrub.discard("")
            if not self._scrub:
                self._compact()
                return
        if self._appended >= COMPACT_AT:
            self._compact()

    def scrub(self) -> None:
        """Words were erased: rewrite the file now, keeping only identities of what was handled, and again
        when the updates in flight now are done. Copies set aside as unreadable go too (they still decrypt)."""
        for copy in self.path.parent.glob(f"{self.path.name}{CORRUPT_MARK}*"):
            copy.unlink(missing_ok=True)
            log.warning("inbox: %s removed: a patient erased words it may hold", copy)
        self._scrub = set(self._pending)
        try:
            self._compact()
        except OSError as exc:  # the erasure itself stands; the words go at the next rewrite
            log.error(
                "inbox %s could not be rewritten after an erasure (erased words stay in it): %s",
                self.path,
                exc,
            )
            self._scrub = self._scrub or {""}  # retried when the next update is handled

    def sync(self) -> None:
        """Make the received lines written with ``sync=False`` durable: one fsync for a whole batch."""
        if self._unsynced:
            self._unsynced = False  # a failure is reported once (the caller logs it), not at every poll
            os.fsync(self._fd)

    def waiting(self) -> list[tuple[str, dict[str, Any]]]:
        """Updates received but not handled, oldest first: what start-up replays."""
        out = []
        for key, line in self._pending.items():
            update = json.loads(self._codec.decode(line))["u"]
            out.append((key, dict(update)))
        return out

    # Alarms ---------------------------------------------------------------------------------------

    def alarm(self, reason: str, count: int, every: float) -> bool:
        """Record an alarm (for doctor); True when admins should hear of it: none of this reason told for
        ``every`` s. Per reason: a routine "skipped" notice must not silence "cannot write" (ops O48)."""
        told_ones = (float(a["a"]) for a in self._alarms if a.get("told") and a.get("why") == reason)
        last = max(told_ones, default=None)
        now = self._clock()
        told = last is None or not 0 <= now - last < every
        entry = {"a": now, "why": reason, "n": count, "told": told}
        self._append(self._line(entry), sync=False)
        self._alarms = [*self._alarms[-9:], entry]
        return told

    def alarm_late(self, reason: str, count: int, at: float, until: float) -> None:
        """Record an alarm that could not be written when it happened (a full disk), now that the file takes
        writes again: doctor then says from when to when (ops O64: it kept no trace of the window)."""
        entry = {"a": at, "why": reason, "n": count, "told": True, "until": until}
        self._append(self._line(entry), sync=False)
        self._alarms = [*self._alarms[-9:], entry]

    # The file -------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _line(self, entry: dict[str, Any]) -> bytes:
        return self._codec.encode(json.dumps(entry, separators=(",", ":")).encode())

    def _append(self, line: bytes, *, sync: bool) -> None:
        data = line + b"\n"
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
            if sync:
                os.fsync(self._fd)
                self._unsynced = False  # the file's earlier lines with it
        except OSError:
            # A half-written line would glue itself to the next one: cut it off (if the disk lets us).
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
            raise
        self._size += len(data)
        self._appended += 1

    def _compact(self) -> None:
        """Rewrite the file with what is still needed: pending updates, recent identities, recent alarms."""
        now = self._clock()
        handled = [(k, t) for k, t in self._seen.items() if k not in self._pending and now - t < KEEP_SECONDS]
        self._seen = dict(handled[-KEEP:]) | {k: self._seen.get(k, now) for k in self._pending}
        lines = [self._line({"k": handled[-KEEP:]})]
        lines += [self._line(a) for a in self._alarms[-10:]]
        lines += self._pending.values()
        payload = b"".join(line + b"\n" for line in lines)
        write_atomically(self.path, payload)  # on failure the old file and descriptor stay in use
        self.close()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self._size, self._appended, self._unsynced = len(payload), 0, False  # written and fsynced


def rekey(path: Path, reader: Codec, writer: Codec) -> None:
    """Re-encrypt every line under the writer's key (``rotate-key``); a line the reader cannot read stays."""
    if not path.exists():
        return
    lines = []
    for line in path.read_bytes().split(b"\n"):
        if not line.strip():
            continue
        try:
            lines.append(writer.encode(reader.decode(line)))
        except (ValueError, RuntimeError):  # RuntimeError: DataKeyError; start-up reports the line
            lines.append(line)
    write_atomically(path, b"".join(line + b"\n" for line in lines))
