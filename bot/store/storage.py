"""Crash-safe TinyDB storage: every write is on disk before it returns, and memory serves reads.

TinyDB's JSONStorage truncates and rewrites its file in place, so a ``kill -9`` mid-write leaves
half a file. Here a write goes to a temp file in the same directory, is fsynced, atomically
renamed over the old file, and the directory is fsynced so the rename itself is durable.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
from collections.abc import Iterator, Mapping
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


class DataRefusedError(RuntimeError):
    """A data file is not what this bot wrote with the keys it has: refused, never read as empty."""


class DataKeyError(DataRefusedError):
    """The data cannot be read with the key given (or with no key at all)."""


class CorruptFileError(DataRefusedError):
    """A data file is torn or altered: it does not decrypt or parse."""


class UnreadableFileError(DataRefusedError):
    """The system would not read a data file (EIO from a failing disk, EACCES from a permission left wrong)."""


class PlaintextFileError(DataRefusedError):
    """A plaintext file where a key is set: it may have been planted by someone without the key."""


class RecordsUnavailable(DataRefusedError):
    """One patient's file cannot be opened; that patient is told, the counselors alerted."""

    def __init__(self, patient_id: str, reason: str) -> None:
        super().__init__(f"records of patient {patient_id} cannot be opened: {reason}")
        self.patient_id = patient_id


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
        self._batch: str | bool | None = False  # the text before an open batch (one_write)
        self._dirty = False
        # Kept as text so each read hands TinyDB a fresh copy it may mutate freely: a failed
        # write then leaves memory exactly as the disk is.
        self._text: str | None = None
        if self.path.exists():
            self._text = self._load()

    def _load(self) -> str:
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            # Refused like a torn file, so a patient's crisis words and their alert go on without it (audit:
            # the OSError escaped the crisis screen, and the words got "something went wrong", paging nobody).
            raise UnreadableFileError(f"{self.path}: cannot be read ({exc.strerror or exc})") from None
        if isinstance(self.codec, IdentityCodec) and raw.startswith(b"gAAAAA"):
            # Encrypted data opened without a key: refusing beats quarantining every file.
            raise DataKeyError(f"{self.path} is encrypted; set IOP_DATA_KEY to read it")
        try:
            text = self.codec.decode(raw).decode("utf-8")
            if not isinstance(json.loads(text), dict):
                raise ValueError("top level is not an object")
        except DataRefusedError as exc:
            raise type(exc)(f"{self.path}: {exc}") from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise CorruptFileError(f"{self.path}: torn or damaged ({exc})") from exc
        return text

    def read(self) -> dict[str, Any] | None:
        return None if self._text is None else json.loads(self._text)

    def write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if self._batch is not False:
            self._text, self._dirty = text, True  # on disk at the end of the batch, once
            return
        write_atomically(self.path, self.codec.encode(text.encode("utf-8")))
        self._text = text

    def begin(self) -> None:
        """Hold writes in memory until `commit`, so several table changes cost one durable write."""
        self._batch, self._dirty = self._text, False

    def commit(self) -> None:
        """Write what the batch changed, once; on failure the caller rolls back."""
        if self._dirty and self._text is not None:
            write_atomically(self.path, self.codec.encode(self._text.encode("utf-8")))
        self._batch, self._dirty = False, False

    def rollback(self) -> None:
        """Forget the batch: memory is as the disk is."""
        if self._batch is not False:
            self._text = self._batch if isinstance(self._batch, str) else None
        self._batch, self._dirty = False, False

    def close(self) -> None:
        self._text = None


def quarantine(path: Path) -> Path:
    """Move a refused file aside, at a person's explicit request (`iop-bot doctor --quarantine`)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}{CORRUPT_MARK}{stamp}")
    os.replace(path, target)
    fsync_dir(path.parent)
    log.warning("data file %s set aside as %s on request", path, target)
    return target


def fsync_dir(directory: Path) -> None:
    """Make a rename, creation or removal in ``directory`` durable (the file's own fsync does not)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


TORN_MARK = ".torn-"  # a log's cut-short last bytes, set aside with this in their copy's name


def set_aside_tail(path: Path, tail: bytes) -> Path:
    """Keep a log's cut-short last bytes in a copy beside it (0600, fsynced), cut them off, return the copy.

    The bytes are an append a crash interrupted (never acknowledged), kept for review rather than dropped.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    copy = path.with_name(f"{path.name}{TORN_MARK}{stamp}")
    fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, tail)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.truncate(path, path.stat().st_size - len(tail))
    fsync_dir(path.parent)
    return copy


def set_aside_copies(path: Path) -> list[Path]:
    """The cut-short tails set aside from the log at ``path`` (NAME.torn-<time>), oldest first: records the
    store no longer holds, which an export or a notice must name (newcomer6 finding 12)."""
    return sorted(path.parent.glob(f"{path.name}{TORN_MARK}*"))


def open_db(path: Path, codec: Codec | None = None) -> TinyDB:
    """Open one durable TinyDB file; a file that does not open raises DataRefusedError, untouched.

    Never moved aside or started empty: that would look like data loss, and a planted or foreign file
    would be overwritten by the next write. A person decides (restore, or `doctor --quarantine`).
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return TinyDB(path, storage=AtomicJSONStorage, codec=codec)


@contextlib.contextmanager
def one_write(db: TinyDB) -> Iterator[None]:
    """Every change to ``db`` inside the block reaches the disk in one atomic write, or none does."""
    storage = db.storage
    assert isinstance(storage, AtomicJSONStorage)
    storage.begin()
    try:
        yield
        storage.commit()
    except BaseException:
        storage.rollback()
        for name in db.tables():
            db.table(name).clear_cache()  # query results cached inside the batch are gone with it
        raise


def upsert(table: Table, document: Mapping[str, Any], cond: QueryLike) -> None:
    """Update the matching documents, or insert ``document``: always exactly one write.

    TinyDB's own upsert tries the update first, and its update rewrites the file even when
    nothing matched, so inserting that way costs two fsynced writes instead of one.
    """
    if table.contains(cond):
        table.update(dict(document), cond)
    else:
        table.insert(dict(document))
