"""The audit log: append-only segment files of separately encrypted records, chained by hash.

Not TinyDB: a document table is rewritten whole on each change, and this log only grows (tens of
thousands of rows a year per program). Here an append is one small write plus an fsync whatever the
log holds. Each record is one line, ``codec.encode(json)`` + newline, and names the SHA-256 of the
plaintext record before it, so a record removed, reordered or replaced anywhere breaks the chain
(`iop-bot audit --verify`); the encryption's HMAC refuses an altered record. Hashes are of the
plaintext, so re-encrypting under a new key (`rotate-key`) keeps the chain.

Segments (``audit/000001-2026-11.log``) rotate at a month's turn or at ``SEGMENT_BYTES``. A last line
cut short (a crash mid-append: never acknowledged) is copied aside and cut off when the log is opened,
loudly; any whole line that does not open refuses the log, its bytes left as they are.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.store.audit_guard import set_aside_torn, still_ours
from bot.store.storage import (
    Codec,
    DataRefusedError,
    IdentityCodec,
    StoreWriteError,
    fsync_dir,
)

log = logging.getLogger(__name__)

DIR = "audit"
# Start-up decrypts every record of the newest segment: 4 MiB (~9,400 records) took 0.5-1 s of it.
SEGMENT_BYTES = 1024 * 1024
GENESIS = "0" * 64  # what the very first record names as the one before it
_NAME = re.compile(r"^(\d{6})-(\d{4}-\d{2})\.log$")


class AuditLogRefused(DataRefusedError):
    """A whole record of the log does not open or does not follow the chain: refused, left as it is."""


@dataclass(frozen=True)
class Record:
    """One record read back: where it is, its number, its row, the hashes before and of it."""

    segment: Path
    line: int
    n: int
    prev: str
    digest: str
    row: dict[str, Any]


def segment_dir(data_dir: Path) -> Path:
    return data_dir / DIR


def segments(data_dir: Path) -> list[Path]:
    """The log's segment files, oldest first."""
    folder = segment_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _NAME.match(p.name))


def strays(data_dir: Path) -> list[Path]:
    """Files in the log's folder that are no segment (set-aside torn tails included)."""
    folder = segment_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not _NAME.match(p.name))


def digest(plain: bytes) -> str:
    return hashlib.sha256(plain).hexdigest()


def decode_line(raw: bytes, codec: Codec, where: str) -> tuple[bytes, dict[str, Any]]:
    """A line's plaintext and record; raises AuditLogRefused saying where and why."""
    try:
        plain = codec.decode(raw)
        record = json.loads(plain)
        if not isinstance(record, dict) or not isinstance(record.get("r"), dict):
            raise ValueError("not an audit record")
        int(record["n"]), str(record["p"])
    except DataRefusedError as exc:
        raise AuditLogRefused(f"{where}: {exc}") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise AuditLogRefused(f"{where}: not a record of this log ({type(exc).__name__})") from None
    return plain, record


def read_segment(path: Path) -> tuple[list[bytes], bytes]:
    """A segment's whole lines, and the bytes of a last line cut short (empty when none)."""
    raw = path.read_bytes()
    whole = raw[: raw.rfind(b"\n") + 1]
    return whole.split(b"\n")[:-1], raw[len(whole) :]


def records(data_dir: Path, codec: Codec | None, *, check_chain: bool = True) -> Iterator[Record]:
    """Every record, oldest first, one segment in memory at a time; raises AuditLogRefused at a break.

    A cut-short last line of the newest segment is skipped (it may be an append in progress); one in
    an older segment is a break.
    """
    codec = codec or IdentityCodec()
    prev, expected = GENESIS, 1
    found = segments(data_dir)
    for index, path in enumerate(found):
        lines, torn = read_segment(path)
        if torn and index < len(found) - 1:
            raise AuditLogRefused(
                f"{path}: its last {len(torn)} bytes are cut short, and newer segments follow"
            )
        for number, raw in enumerate(lines, start=1):
            where = f"{path} line {number}"
            plain, record = decode_line(raw, codec, where)
            if check_chain and (record["n"] != expected or record["p"] != prev):
                what = f"record {record['n']}" if record["n"] != expected else "the hash of the record before"
                raise AuditLogRefused(
                    f"{where}: the chain breaks here (expected record {expected}, found {what}): a record "
                    "was removed, reordered or replaced"
                )
            prev, expected = digest(plain), int(record["n"]) + 1
            yield Record(path, number, int(record["n"]), str(record["p"]), prev, dict(record["r"]))


def rows(data_dir: Path, codec: Codec | None) -> Iterator[dict[str, Any]]:
    """Every row, oldest first, streamed (the chain is checked on the way)."""
    for record in records(data_dir, codec):
        yield record.row


class AuditLog:
    """The log's writer; only the store worker thread calls it."""

    def __init__(self, data_dir: Path, codec: Codec | None = None, *, checked: Checked | None = None) -> None:
        self.data_dir = data_dir
        self._codec: Codec = codec or IdentityCodec()
        self._fd = -1
        self._path: Path | None = None
        self._size = 0
        self._prev, self._n = GENESIS, 0
        self.clock_off_s = 0  # this server's clock less Telegram's while known wrong (bot/telegram/clock.py)
        self.troubles: list[str] = []  # what bot/store/audit_guard.py found wrong while the bot ran
        self._open_tail(checked)

    def _open_tail(self, checked: Checked | None) -> None:
        """Find the last record (its number and hash) to chain the next one to; check the newest segment
        (unless ``checked`` says start-up's preflight just checked it, and it is unchanged since)."""
        found = segments(self.data_dir)
        if not found:
            return
        newest = found[-1]
        if checked is None or checked != signature(newest):
            check_newest(self.data_dir, self._codec)
        lines, torn = read_segment(newest)
        if torn:
            set_aside_torn(newest, torn)
        for path in reversed(found):
            lines = lines if path == newest else read_segment(path)[0]
            if lines:
                plain, record = decode_line(lines[-1], self._codec, f"{path} line {len(lines)}")
                self._prev, self._n = digest(plain), int(record["n"])
                break
        self._path = newest
        self._fd = os.open(newest, os.O_WRONLY | os.O_APPEND)
        self._size = os.fstat(self._fd).st_size

    def append(self, row: Mapping[str, Any], *, sync: bool = True) -> None:
        """Add one row, on disk (fsynced) before this returns; raises StoreWriteError with nothing added.

        ``sync=False`` (an upgrade writing the whole log at once) leaves the fsync to `sync`.
        """
        still_ours(self, row)  # a segment replaced or removed under the bot: a new one, on the record (O122)
        off = {"clock_off_s": self.clock_off_s} if self.clock_off_s else {}  # on a clock known wrong (O76)
        record = {"n": self._n + 1, "p": self._prev, "r": {**row, **off}}
        plain = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        line = self._codec.encode(plain) + b"\n"
        self._segment_for(str(row.get("at", ""))[:7], len(line))
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(self._fd, view) :]
            if sync:
                os.fsync(self._fd)
        except OSError as exc:
            with contextlib.suppress(OSError):  # a half line would glue itself to the next one
                os.ftruncate(self._fd, self._size)
            raise StoreWriteError(
                exc.errno, f"could not append to the audit log: {exc.strerror or exc}"
            ) from exc
        self._size += len(line)
        self._prev, self._n = digest(plain), self._n + 1

    def _segment_for(self, month: str, size: int) -> None:
        """Start a new segment at a month's turn, when this one is full, or when there is none."""
        if not re.fullmatch(r"\d{4}-\d{2}", month):
            month = datetime.now(UTC).strftime("%Y-%m")
        current = _NAME.match(self._path.name) if self._path else None
        if current and current.group(2) == month and self._size + size <= SEGMENT_BYTES:
            return
        seq = int(current.group(1)) + 1 if current else 1
        if current and not self._size and self._path is not None:  # emptied by a tail set aside: replaced,
            self.close()  # never left between two segments (a start would refuse it)
            self._path.unlink()
            seq -= 1
        folder = segment_dir(self.data_dir)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"{seq:06d}-{month}.log"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o600)
            fsync_dir(folder)
        except OSError as exc:
            raise StoreWriteError(exc.errno, f"could not start audit segment {path.name}: {exc}") from exc
        self.sync()
        self.close()
        self._fd, self._path, self._size = fd, path, 0

    @property
    def count(self) -> int:
        """How many records the log holds."""
        return self._n

    @property
    def last_hash(self) -> str:
        return self._prev

    def sync(self) -> None:
        """Make what was appended without an fsync durable."""
        if self._fd >= 0:
            os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


Checked = tuple[str, int, int, int]  # a segment as it was checked: path, inode, size, mtime (ns)


def signature(path: Path) -> Checked:
    """What tells a file checked a moment ago from the same file changed since."""
    st = path.stat()
    return str(path), st.st_ino, st.st_size, st.st_mtime_ns


def check_newest(data_dir: Path, codec: Codec | None) -> Checked | None:
    """Start-up's check, reading only: every whole line of the newest segment opens. Raises AuditLogRefused.

    Returns the segment's signature as checked (None: no log yet), so opening the log just after need
    not decrypt its ~10,000 lines a second time.
    """
    found = segments(data_dir)
    if not found:
        return None
    checked = signature(found[-1])
    lines, torn = read_segment(found[-1])
    if torn and not _cut_short(torn, codec):
        raise AuditLogRefused(
            f"{found[-1]}: ends in {len(torn)} bytes that are no record cut short by a crash (garbled or foreign)"
        )
    for number, raw in enumerate(lines, start=1):
        decode_line(raw, codec or IdentityCodec(), f"{found[-1]} line {number}")
    for path in found:  # a segment emptied or cut short in the middle of the log
        if path != found[-1] and not path.stat().st_size:
            raise AuditLogRefused(f"{path}: empty, and newer segments follow")
    return checked


def verify(data_dir: Path, codec: Codec | None, feed: Callable[[Record], object] = id) -> tuple[int, int]:
    """Read the whole chain (each record to ``feed``): (records, segments), or AuditLogRefused at a break."""
    count = 0
    for record in records(data_dir, codec):
        feed(record)
        count += 1
    if found := segments(data_dir):
        _, torn = read_segment(found[-1])
        if torn:
            raise AuditLogRefused(
                f"{found[-1]}: its last {len(torn)} bytes are cut short (an append a crash interrupted; "
                "the bot sets them aside at its next start)"
            )
    return count, len(found)


def _cut_short(torn: bytes, codec: Codec | None) -> bool:
    """Whether trailing bytes look like the start of one record an append did not finish."""
    start = b"gAAAAA" if codec is not None and not isinstance(codec, IdentityCodec) else b"{"
    return len(torn) < 64 * 1024 and (torn.startswith(start) or start.startswith(torn))
