"""Encryption at rest: Fernet (AES-128-CBC + HMAC-SHA256) from ``cryptography``.

Chosen over hand-rolled AES-GCM because Fernet is authenticated, versioned and has key rotation
(MultiFernet) built in; the data is health data, so the well-reviewed primitive wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.store.storage import TEMP_MARK, DataKeyError, write_atomically

# Every Fernet token starts with its version byte 0x80, which base64 turns into "gAAAAA".
TOKEN_PREFIX = b"gAAAAA"


def keygen() -> str:
    """A new random data key."""
    return Fernet.generate_key().decode()


def parse_keys(value: str) -> list[str]:
    """``IOP_DATA_KEY``: one key, or "new,old" while a rotation is finishing; raises ValueError."""
    keys = [k.strip() for k in value.split(",") if k.strip()]
    if not keys:
        raise ValueError("empty")
    for key in keys:
        Fernet(key.encode())  # raises ValueError for anything that is not a Fernet key
    return keys


class FernetCodec:
    """Encrypts with the first key; decrypts with any (so a half-finished rotation still reads)."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._fernet = MultiFernet([Fernet(k.encode()) for k in keys])

    def encode(self, data: bytes) -> bytes:
        return self._fernet.encrypt(data)

    def decode(self, data: bytes) -> bytes:
        if data.lstrip().startswith(b"{"):
            return data  # a plain file from before encryption was turned on; rewritten encrypted
        try:
            return self._fernet.decrypt(data)
        except InvalidToken:
            raise DataKeyError("IOP_DATA_KEY does not decrypt the data (wrong key?)") from None


def data_files(data_dir: Path) -> list[Path]:
    """Every data file (not temp files, not quarantined ones)."""
    return sorted(p for p in data_dir.rglob("*.json") if TEMP_MARK not in p.name)


def rotate(data_dir: Path, old_keys: Sequence[str], new_key: str) -> int:
    """Re-encrypt every data file under ``new_key``; safe to re-run after a crash."""
    reader = FernetCodec([new_key, *old_keys])
    writer = FernetCodec([new_key])
    files = data_files(data_dir)
    for path in files:
        write_atomically(path, writer.encode(reader.decode(path.read_bytes())))
    return len(files)
