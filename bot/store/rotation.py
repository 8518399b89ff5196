"""Key rotation that a crash cannot leave half-done without saying so.

The journal (``rotation.journal``, no key in it, only fingerprints) is written and fsynced before the
first file is touched and removed only after the last one. While it exists the bot refuses to start
and ``iop-bot doctor`` shows the progress; running ``iop-bot rotate-key`` again with the same keys
carries on where it stopped. Each file is replaced atomically, so a kill at any moment leaves every
file whole, under either the old key or the new one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

from bot.store import audit_log, checkin_log, keyed_log
from bot.store.crypto import FernetCodec
from bot.store.inbox import rekey
from bot.store.migrate import KEYED_LOGS
from bot.store.storage import (
    CorruptFileError,
    DataRefusedError,
    IdentityCodec,
    PlaintextFileError,
    fsync_dir,
    write_atomically,
)
from bot.store.verify import State, check_file, data_files

JOURNAL = "rotation.journal"


class RotationError(RuntimeError):
    """A rotation cannot start or go on; the message says why and what to do."""


def fingerprint(key: str) -> str:
    """A short, one-way name for a key (safe to print and to store)."""
    return hashlib.sha256(b"iop-data-key:" + key.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Progress:
    """An unfinished rotation: to which key, and how many files are under it already."""

    new: str
    started_at: str
    done: int | None  # None when the new key is not at hand to count
    total: int
    logs_done: int | None = None  # the files encrypted line by line (audit log, inbox, keyed logs)
    logs_total: int = 0

    def line(self) -> str:
        count = f"{self.done} of {self.total}" if self.done is not None else f"? of {self.total}"
        # newcomer13 O50: "14 of 14 files re-encrypted" read as done while the logs after them were not.
        logs = "?" if self.logs_done is None else self.logs_done
        also = f" data files and {logs} of {self.logs_total} logs" if self.logs_total else " files"
        return (
            f"a key rotation to key {self.new} (started {self.started_at}) is unfinished: {count}{also} "
            "re-encrypted; resume it with `iop-bot rotate-key` (IOP_DATA_KEY = the old key, the new "
            "key on stdin or in IOP_NEW_DATA_KEY)"
        )


def journal_path(data_dir: Path) -> Path:
    return data_dir / JOURNAL


def unfinished(data_dir: Path, keys: Sequence[str] = ()) -> Progress | None:
    """The rotation in progress, if any; with the new key among ``keys`` its files are counted."""
    path = journal_path(data_dir)
    if not path.exists():
        return None
    journal = json.loads(path.read_text(encoding="utf-8"))
    files = data_files(data_dir)
    new = [k for k in keys if fingerprint(k) == journal["new"]]
    old = [k for k in keys if fingerprint(k) in journal.get("old", [])]
    done = None
    if new:
        done = sum(1 for p in files if check_file(p, new).state is State.OK)
    elif old:  # doctor runs with the old key (newcomer11 O30: "? of 7"): a file it no longer opens is done
        done = sum(1 for p in files if check_file(p, old).state is not State.OK)
    found = [rekeyed(p, journal, keys) for p in logs(data_dir)]
    known = [f for f in found if f is not None]
    logs_done = sum(known) if len(known) == len(found) else None
    return Progress(str(journal["new"]), str(journal["started_at"]), done, len(files), logs_done, len(found))


def logs(data_dir: Path) -> list[Path]:
    """The files encrypted line by line that a rotation re-encrypts after the data files, each not empty."""
    found = [
        data_dir / "inbox.log",
        *audit_log.segments(data_dir),
        *(data_dir / name for name in KEYED_LOGS),
        *sorted(data_dir.glob(f"patients/*{checkin_log.SUFFIX}")),
    ]
    return [p for p in found if p.is_file() and p.stat().st_size]


def rekeyed(path: Path, journal: dict[str, Any], keys: Sequence[str]) -> bool | None:
    """Whether an unfinished rotation re-encrypted this log already (its first line is under the new key);
    None when neither the new key nor an old one is among ``keys``."""
    new = [k for k in keys if fingerprint(k) == journal["new"]]
    old = [k for k in keys if fingerprint(k) in journal.get("old", [])]
    if not (new or old):
        return None
    try:
        FernetCodec(new or old).decode(path.read_bytes().split(b"\n", 1)[0])
    except DataRefusedError:
        return not new  # the new key does not open it: not yet; the old key does not: done
    return bool(new)


def rotate(data_dir: Path, old_keys: Sequence[str], new_key: str) -> int:
    """Re-encrypt every data file under ``new_key``, journaled; returns how many files it holds."""
    path = journal_path(data_dir)
    if path.exists():
        journal = json.loads(path.read_text(encoding="utf-8"))
        if journal["new"] != fingerprint(new_key):
            raise RotationError(
                f"an unfinished rotation is to key {journal['new']}, not {fingerprint(new_key)}: "
                "give that key to resume it"
            )
    keys = [new_key, *old_keys]
    files = data_files(data_dir)
    checks = [check_file(p, keys) for p in files]
    # Without an old key the dir was an unencrypted trial: its plain files are what gets encrypted.
    plain = State.PLAINTEXT if not old_keys else None
    if bad := [c for c in checks if not c.ok and c.state is not plain]:
        names = ", ".join(f"{c.path} ({c.state.value})" for c in bad[:3])
        raise RotationError(f"{len(bad)} file(s) cannot be re-encrypted, nothing was changed: {names}")
    segments = audit_log.segments(data_dir)
    tables = {name: _keyed_rows(data_dir / name, keys, old_keys) for name in KEYED_LOGS}
    checkin_logs = sorted(data_dir.glob(f"patients/*{checkin_log.SUFFIX}"))
    for one in checkin_logs:  # each must open before any file is touched; read one at a time, not held
        _keyed_rows(one, keys, old_keys)
    for segment in segments:  # every record must open before any file is touched
        try:
            rekey_segment(segment, keys, new_key, plain=not old_keys, dry_run=True)
        except DataRefusedError as exc:
            raise RotationError(f"the audit log cannot be re-encrypted, nothing was changed: {exc}") from None
    if not path.exists():
        journal = {
            "new": fingerprint(new_key),
            "old": [fingerprint(k) for k in old_keys],
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "files": len(files),
        }
        write_atomically(path, json.dumps(journal).encode())
    writer = Fernet(new_key.encode())
    for check in checks:
        if check.key_index == 0:
            continue  # already under the new key (a resumed rotation)
        raw = check.path.read_bytes()
        if check.key_index is not None:
            raw = Fernet(keys[check.key_index].encode()).decrypt(raw)
        write_atomically(check.path, writer.encrypt(raw))
    # The inbox and the audit log are encrypted line by line, so they are not among the data files above.
    rekey(data_dir / "inbox.log", FernetCodec(keys), FernetCodec([new_key]))
    for segment in segments:
        rekey_segment(segment, keys, new_key, plain=not old_keys)
    for name, rows in tables.items():
        if (data_dir / name).exists():
            keyed_log.write_rows(data_dir / name, rows, FernetCodec([new_key]))
    for one in checkin_logs:
        keyed_log.write_rows(one, _keyed_rows(one, keys, old_keys), FernetCodec([new_key]))
    path.unlink()
    fsync_dir(data_dir)
    return len(files)


def _keyed_rows(path: Path, keys: Sequence[str], old_keys: Sequence[str]) -> dict[str, keyed_log.Row]:
    """A keyed log's rows, under any key given (or as plaintext, a trial dir being encrypted)."""
    try:
        return keyed_log.read_lines(path, FernetCodec(keys) if old_keys else None)[0]
    except DataRefusedError:
        try:
            return keyed_log.read_lines(path, FernetCodec(keys))[0]
        except DataRefusedError as exc:
            raise RotationError(f"{path.name} cannot be re-encrypted, nothing was changed: {exc}") from None


def rekey_segment(
    path: Path, keys: Sequence[str], new_key: str, *, plain: bool, dry_run: bool = False
) -> None:
    """Re-encrypt one audit segment record by record (hashes are of the plaintext: the chain holds)."""
    reader, writer = FernetCodec(keys), Fernet(new_key.encode())
    lines, torn = audit_log.read_segment(path)
    if torn:
        raise CorruptFileError(f"{path} ends in a cut-short record: start the bot once (it sets it aside)")
    out = []
    for number, line in enumerate(lines, start=1):
        try:
            text = reader.decode(line)
        except PlaintextFileError:
            if not plain:
                raise
            text = line  # an unencrypted trial's log, encrypted now
        audit_log.decode_line(text, IdentityCodec(), f"{path} line {number}")
        out.append(writer.encrypt(text))
    if not dry_run:
        write_atomically(path, b"".join(line + b"\n" for line in out))
