"""Housekeeping on the data dir at start-up."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path

from bot.store.storage import CORRUPT_MARK, TEMP_MARK

log = logging.getLogger(__name__)
PIN_PREFIX = ".backup-pin-"  # the files a live backup holds (bot/admin/backup_pin.py)


def sweep_temp_files(data_dir: Path) -> int:
    """Delete temp files left by a crash mid-write; they were never acknowledged."""
    removed = 0
    for tmp in data_dir.rglob(f".*{TEMP_MARK}*"):
        tmp.unlink(missing_ok=True)
        removed += 1
    for folder in data_dir.glob(f"{PIN_PREFIX}*"):  # a backup cut short by a crash: only links or copies
        with contextlib.suppress(OSError):
            shutil.rmtree(folder)
            removed += 1
    if removed:
        log.info("removed %d unfinished temp file(s) left by an earlier crash", removed)
    return removed


def quarantined(data_dir: Path) -> list[Path]:
    """Files moved aside as corrupt, still waiting for a person to review them."""
    return sorted(data_dir.rglob(f"*{CORRUPT_MARK}*")) if data_dir.exists() else []


def write_private(path: str | Path, payload: bytes) -> None:
    """Write a file only its owner can read (0600 whatever the umask, even if it existed before)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


ROOM_PROBE = 64 * 1024  # bytes: more than a patient's file takes to rewrite, as a rule


def has_room(data_dir: Path) -> bool:
    """Whether the data dir takes a write of ``ROOM_PROBE`` bytes now (a probe file, written and removed)."""
    probe = data_dir / f".room-probe{TEMP_MARK}"
    try:
        write_private(probe, bytes(ROOM_PROBE))
        return True
    except OSError:
        return False
    finally:
        probe.unlink(missing_ok=True)
