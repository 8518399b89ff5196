"""A backup written as it is built, in encrypted chunks, so taking one costs little memory (ops O77).

A backup was one tar built in memory, then encrypted as one Fernet token: on a 262 MB program the bot (which
takes the backup on its store thread while it runs) grew from 165 MB to 2.2 GB during the nightly backup, where a
1-2 GB VM's OOM killer would pick it. Now the tar is streamed: every ``CHUNK`` of it is sealed as its own Fernet
token, one line each after a clear header (``IOPBAK2 key=<fingerprint>``), and written out at once. Each chunk's
plaintext starts with its number and whether it is the last, so chunks dropped, repeated, reordered or cut off
after the last are refused when read, on top of the manifest's checksums. ``IOPBAK1`` backups (one token) and
unencrypted ones (a bare tar) are still read.
"""

from __future__ import annotations

import contextlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.store.storage import DataRefusedError

HEADER2 = b"IOPBAK2 key="
CHUNK = 1024 * 1024  # bytes of tar per sealed chunk: Fernet copies it a few times over while sealing
_SEQ = struct.Struct(">Q?")  # the chunk's number, and whether it is the last


class SealedFile:
    """A write-only file for tarfile's stream mode: what is written goes to ``fd`` in sealed chunks (or as it is,
    without a key). ``size``: bytes written so far; ``finish`` seals what is left as the last chunk."""

    def __init__(self, fd: int, key: str | None, fingerprint: str | None) -> None:
        self.fd, self.size, self._n = fd, 0, 0
        self._fernet = Fernet(key.encode()) if key else None
        self._buffer = bytearray()
        if self._fernet is not None:
            self._out(HEADER2 + str(fingerprint).encode() + b"\n")

    def write(self, data: bytes) -> int:
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def finish(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, data: bytes, *, last: bool) -> None:
        if self._fernet is None:
            self._out(data)
            return
        self._out(self._fernet.encrypt(_SEQ.pack(self._n, last) + data))
        self._out(b"\n")
        self._n += 1

    def _out(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]
        self.size += len(data)


@contextlib.contextmanager
def private_temp(out: Path) -> Iterator[int]:
    """A new 0600 file beside ``out`` to write into; renamed to ``out`` (after an fsync) when the block ends
    without an error, removed when it raises: nothing half-written is ever left under the backup's name."""
    temp = out.with_name(f".{out.name}.partial-{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        yield fd
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(temp, out)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def unseal(stream: BinaryIO, keys: tuple[str, ...], file: str, why_not: str) -> bytes:
    """The tar inside an ``IOPBAK2`` backup (its header line already read), chunk by chunk; ``why_not``: what a
    chunk that does not decrypt means (another key, or damage). Raises DataRefusedError."""
    fernet = MultiFernet([Fernet(k.encode()) for k in keys])
    plain, last = bytearray(), False
    for expected, line in enumerate(stream):
        if last:
            raise DataRefusedError(f"{file}: damaged: data after its last chunk")
        try:
            chunk = fernet.decrypt(line.rstrip(b"\n"))
        except InvalidToken:
            raise DataRefusedError(f"{file}: {why_not}") from None
        number, last = _SEQ.unpack_from(chunk)
        if number != expected:
            raise DataRefusedError(f"{file}: damaged: chunk {number} where chunk {expected} belongs")
        plain += chunk[_SEQ.size :]
    if not last:
        raise DataRefusedError(f"{file}: damaged: cut short (its last chunk is missing)")
    return bytes(plain)
