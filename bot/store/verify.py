"""What each data file is, read without changing a byte: fine, or why it cannot be trusted.

Start-up, ``iop-bot doctor``, key rotation and backups all ask this one question, so they agree on
what is refused: a plaintext file where a key is set (it may have been planted by someone without the
key), a file under a key not given, and a file torn or altered so it no longer decrypts or parses.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from bot.store.storage import CORRUPT_MARK, TEMP_MARK

TOKEN_PREFIX = b"gAAAAA"  # a Fernet token's version byte 0x80, base64-encoded
_TOKEN_OVERHEAD = 57  # version, timestamp, IV and HMAC around the AES blocks


class State(Enum):
    """What a data file is."""

    OK = "ok"
    PLAINTEXT = "plaintext in an encrypted data dir (refused: it may have been planted)"
    FOREIGN_KEY = "encrypted under a key that was not given (or altered)"
    ENCRYPTED = "encrypted, but no IOP_DATA_KEY is set"
    TORN = "torn or damaged (it does not decrypt or parse)"


@dataclass(frozen=True)
class FileCheck:
    """One file's state; ``key_index`` is which of the given keys opened it."""

    path: Path
    state: State
    key_index: int | None = None

    @property
    def ok(self) -> bool:
        return self.state is State.OK


def data_files(data_dir: Path) -> list[Path]:
    """Every data file (not temp files, not quarantined ones)."""
    if not data_dir.exists():
        return []
    return sorted(
        p for p in data_dir.rglob("*.json") if TEMP_MARK not in p.name and CORRUPT_MARK not in p.name
    )


def shared_files(data_dir: Path) -> list[Path]:
    """The data files that are not one patient's (the index), without listing ten thousand patients."""
    found = []
    for root, dirs, names in os.walk(data_dir):
        dirs[:] = [d for d in dirs if not (root == str(data_dir) and d == "patients")]
        found += [
            Path(root, n)
            for n in names
            if n.endswith(".json") and TEMP_MARK not in n and CORRUPT_MARK not in n
        ]
    return sorted(found)


def any_patient_file(data_dir: Path) -> bool:
    folder = data_dir / "patients"
    # A check-in log counts: a patient who only checked in may have no other file.
    return folder.is_dir() and any(e.name.endswith((".json", ".checkins.log")) for e in os.scandir(folder))


def patient_files(data_dir: Path) -> list[Path]:
    """The per-patient shards."""
    return [p for p in data_files(data_dir) if p.parent.name == "patients"]


def classify(raw: bytes, keys: Sequence[str]) -> tuple[State, int | None]:
    """The state of a file's bytes under these keys (none = an unencrypted trial data dir)."""
    if not keys:
        if raw.startswith(TOKEN_PREFIX):
            return State.ENCRYPTED, None
        return (State.OK, None) if _is_object(raw) else (State.TORN, None)
    if raw.lstrip()[:1] in (b"{", b"["):
        return State.PLAINTEXT, None
    for n, key in enumerate(keys):
        try:
            plain = Fernet(key.encode()).decrypt(raw)
        except InvalidToken:
            continue
        return (State.OK, n) if _is_object(plain) else (State.TORN, n)
    return (State.FOREIGN_KEY if whole_token(raw) else State.TORN), None


def check_file(path: Path, keys: Sequence[str], *, quick: bool = False) -> FileCheck:
    """Read one file and say what it is (``quick``: by its signature alone, see `signed_by`)."""
    raw = path.read_bytes()
    if quick and keys and raw.startswith(TOKEN_PREFIX) and (n := signed_by(raw, keys)) is not None:
        return FileCheck(path, State.OK, n)
    state, index = classify(raw, keys)
    return FileCheck(path, state, index)


def scan(data_dir: Path, keys: Sequence[str], *, quick: bool = False) -> list[FileCheck]:
    """Every data file's state."""
    return [check_file(p, keys, quick=quick) for p in data_files(data_dir)]


# The first advice when nothing opens (or the index does not): a wrong or missing key, not damage. Quarantine
# or a new key would only throw away or hide data the right key still opens.
KEY_ADVICE = (
    "check that IOP_DATA_KEY is the key this data was written with (after a rotation, the new key; for data "
    "from a backup taken before one, the old key); "
    "do not quarantine files or generate a new key for it: neither brings this data back"
)
_KEY_STATES = (State.ENCRYPTED, State.FOREIGN_KEY)


def key_suspect(checks: Sequence[FileCheck]) -> bool:
    """Whether the key given, rather than damage, is the likely reason files are refused: no file opens,
    or the index is under another key (or a key is missing)."""
    bad = [c for c in checks if not c.ok]
    index = [c for c in bad if c.path.name == "index.json" and c.state in _KEY_STATES]
    return bool(bad) and (len(bad) == len(checks) or bool(index))


def key_summary(checks: Sequence[FileCheck]) -> str:
    """One line for a key problem: how many files, a few of them, and what to check."""
    bad = [c for c in checks if not c.ok]
    names = "; ".join(f"{c.path}: {c.state.value}" for c in bad[:3])
    more = f" (and {len(bad) - 3} more)" if len(bad) > 3 else ""
    return f"{len(bad)} of {len(checks)} data file(s) do not open ({names}{more}). First {KEY_ADVICE}"


def signed_by(raw: bytes, keys: Sequence[str]) -> int | None:
    """Which key's HMAC a Fernet token carries, without decrypting it.

    Start-up checks every file; the HMAC covers the whole token, so a valid one rules out a torn,
    altered or foreign-key file, and what it signs was written (as a JSON object) by this bot. Skipping
    the AES and the JSON parse makes that check several times cheaper for a large program.
    """
    try:
        body = base64.urlsafe_b64decode(raw.strip())
    except (binascii.Error, ValueError):
        return None
    if len(body) < _TOKEN_OVERHEAD:
        return None
    signed, mac = body[:-32], body[-32:]
    for n, key in enumerate(keys):
        signing_key = base64.urlsafe_b64decode(key.encode())[:16]
        if hmac.compare_digest(hmac.new(signing_key, signed, hashlib.sha256).digest(), mac):
            return n
    return None


def _is_object(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data.decode("utf-8")), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def whole_token(raw: bytes) -> bool:
    """A complete, well-formed token whose HMAC did not match: another key, not a torn write."""
    if not raw.startswith(TOKEN_PREFIX):
        return False
    try:
        body = base64.urlsafe_b64decode(raw.strip())
    except (binascii.Error, ValueError):
        return False
    return len(body) >= _TOKEN_OVERHEAD + 16 and (len(body) - _TOKEN_OVERHEAD) % 16 == 0
