"""Encryption at rest: Fernet (AES-128-CBC + HMAC-SHA256) from ``cryptography``.

Chosen over hand-rolled AES-GCM because Fernet is authenticated, versioned and has key rotation
(MultiFernet) built in; the data is health data, so the well-reviewed primitive wins.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.store.storage import CorruptFileError, DataKeyError, PlaintextFileError
from bot.store.verify import whole_token


def keygen() -> str:
    """A new random data key."""
    return Fernet.generate_key().decode()


class FernetCodec:
    """Encrypts with the first key; decrypts with any (so a half-finished rotation still reads)."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._fernet = MultiFernet([Fernet(k.encode()) for k in keys])

    def encode(self, data: bytes) -> bytes:
        return self._fernet.encrypt(data)

    def decode(self, data: bytes) -> bytes:
        # Never "a plain file from before encryption": anyone who can write to the disk (or a backup)
        # but lacks the key could plant one, e.g. an index naming themselves admin.
        if data.lstrip()[:1] in (b"{", b"["):
            raise PlaintextFileError("plaintext in an encrypted data dir (refused: it may have been planted)")
        try:
            return self._fernet.decrypt(data)
        except InvalidToken:
            if whole_token(data):
                raise DataKeyError("encrypted under a key that was not given (or altered)") from None
            raise CorruptFileError("torn or damaged (it does not decrypt)") from None
