"""Crash-safe TinyDB storage: every write is on disk before it returns, and memory serves reads.

TinyDB's JSONStorage truncates and rewrites its file in place, so a ``kill -9`` mid-write leaves
half a file. Here a write goes to a temp file in the same directory, is fsynced, atomically
renamed over the old file, and the directory is fsynced so the rename itself is durable.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.storages import Storage
from tinydb.table import Table

log = logging.getLogger(__name__)

TEMP_MARK = ".tmp-"
CORRUPT_MARK = ".corrupt-"


class StoreWriteError(OSError):
    """A write did not reach the disk; nothing was acknowledged and memory is unchanged."""


class DataKeyError(RuntimeError):
    """The data cannot be read with the key given (or with no key at all)."""


class CorruptFileError(ValueError):
    """A data file could not be read back (truncated, edited by hand, or the wrong key)."""


class Codec(Protocol):
    """Turns the serialized file into what is stored on disk and back (e.g. encryption at rest)."""

    def encode(self, data: bytes) -> bytes: ...

    def decode(self, data: bytes) -> bytes: ...


class IdentityCodec:
    """Plain JSON on disk."""

    def encode(self, data: bytes) -> bytes:
        return data

    def decode(self, data: bytes) -> bytes:
        return data


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreWriteError(exc.errno, f"could not save {path.name}: {exc.strerror or exc}") from exc


class AtomicJSONStorage(Storage):
    """A TinyDB storage that reads from memory and writes durably."""

    def __init__(self, path: str | Path, codec: Codec | None = None) -> None:
        self.path = Path(path)
        self.codec: Codec = codec or IdentityCodec()
        # Kept as text so each read hands TinyDB a fresh copy it may mutate freely: a failed
        # write then leaves memory exactly as the disk is.
        self._text: str | None = None
        if self.path.exists():
            self._text = self._load()

    def _load(self) -> str:
        raw = self.path.read_bytes()
        if isinstance(self.codec, IdentityCodec) and raw.startswith(b"gAAAAA"):
            # Encrypted data opened without a key: refusing beats quarantining every file.
            raise DataKeyError(f"{self.path} is encrypted; set IOP_DATA_KEY to read it")
        try:
            text = self.codec.decode(raw).decode("utf-8")
            if not isinstance(json.loads(text), dict):
                raise ValueError("top level is not an object")
        except (ValueError, UnicodeDecodeError) as exc:
            raise CorruptFileError(f"{self.path}: {exc}") from exc
        return text

    def read(self) -> dict[str, Any] | None:
        return None if self._text is None else json.loads(self._text)

    def write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_atomically(self.path, self.codec.encode(text.encode("utf-8")))
        self._text = text

    def close(self) -> None:
        self._text = None


def quarantine(path: Path, reason: str) -> Path:
    """Move an unreadable file aside, loudly, so the bot never silently starts on empty data."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}{CORRUPT_MARK}{stamp}")
    os.replace(path, target)
    log.error(
        "data file %s is unreadable (%s); moved it to %s and started that file empty", path, reason, target
    )
    return target


def open_db(path: Path, codec: Codec | None = None, *, strict: bool = False) -> TinyDB:
    """Open one durable TinyDB file, quarantining it first if it is corrupt.

    ``strict`` files (the index, opened first) raise DataKeyError instead: when the key is wrong,
    stopping is right, and quarantining every file would look like data loss.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        return TinyDB(path, storage=AtomicJSONStorage, codec=codec)
    except (CorruptFileError, DataKeyError) as exc:
        if strict and isinstance(exc, DataKeyError):
            raise
        quarantine(path, str(exc.__cause__ or exc))
        return TinyDB(path, storage=AtomicJSONStorage, codec=codec)


def upsert(table: Table, document: Mapping[str, Any], cond: QueryLike) -> None:
    """Update the matching documents, or insert ``document``: always exactly one write.

    TinyDB's own upsert tries the update first, and its update rewrites the file even when
    nothing matched, so inserting that way costs two fsynced writes instead of one.
    """
    if table.contains(cond):
        table.update(dict(document), cond)
    else:
        table.insert(dict(document))
