"""The data files as they were at one moment, held while a backup is written from them off the store thread
(ops O93: the whole backup ran on the bot's store thread, so for a 1 GB program nothing touching the store, a
crisis answer included, went on for 35-41 s).

On the store thread, between two writes, each file is hard-linked into a private folder in the data dir: a
few milliseconds for thousands of files. A data file is only ever replaced whole (written beside, then renamed:
bot/store/storage.py), so its link keeps the version of that moment; a log is appended to in place (and cut back
only to a length it had after that moment), so its length then is what the backup takes of it. Where the file
system has no hard links, the files are copied instead: slower, as correct. The links are named by number,
never *.json or *.log, so nothing that looks for data files finds them; a crash leaves the folder to the next
start, which removes it (bot/store/files.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.admin.roster import AdminError
from bot.store import audit_log, checkin_log
from bot.store.files import PIN_PREFIX
from bot.store.migrate import KEYED_LOGS
from bot.store.storage import CORRUPT_MARK, TEMP_MARK


@dataclass(frozen=True)
class Pinned:
    """The pinned files: each one's name in the backup, where it is held, and how many of its bytes to take."""

    folder: Path
    files: tuple[tuple[str, str, int], ...]


def data_files(data_dir: Path) -> list[str]:
    """Every file a backup holds: the data files (as bot/store/verify.py's data_files), the keyed logs, check-in
    logs and audit segments. In plain strings from os.walk: pathlib's glob and sorting took half of the store
    thread's wait on a 4,000-file program."""
    top, found = str(data_dir), []
    for root, folders, names in os.walk(top):
        folders[:] = [f for f in folders if not f.startswith(PIN_PREFIX)]
        found += [
            f"{root}/{n}"
            for n in names
            if n.endswith(".json") and TEMP_MARK not in n and CORRUPT_MARK not in n
        ]
    logs = [f"{top}/{n}" for n in KEYED_LOGS if os.path.exists(f"{top}/{n}")]
    shards = f"{top}/patients"
    if os.path.isdir(shards):
        logs += sorted(f"{shards}/{n}" for n in os.listdir(shards) if n.endswith(checkin_log.SUFFIX))
    return [*sorted(found), *logs, *(str(p) for p in audit_log.segments(data_dir))]


def pin(data_dir: Path) -> Pinned:
    """On the store thread: every file of the backup held as it is now."""
    folder = tempfile.mkdtemp(prefix=PIN_PREFIX, dir=data_dir)
    held: list[tuple[str, str, int]] = []
    path, cut = (
        "",
        len(str(data_dir)) + 1,
    )  # plain strings: the store thread waits on this loop, 4,000 files or more
    try:
        for n, path in enumerate(data_files(data_dir)):
            to = f"{folder}/{n:07d}"
            try:
                os.link(path, to)
            except OSError as exc:
                if isinstance(exc, FileNotFoundError):
                    raise
                shutil.copyfile(path, to)  # no hard links here (some network or FUSE file systems)
            held.append((path[cut:], to, os.stat(to).st_size))
    except OSError as exc:
        unpin(Path(folder))
        raise AdminError(
            f"could not read {path} for the backup: {exc.strerror or exc}; nothing was written"
        ) from None
    return Pinned(Path(folder), tuple(held))


def read(path: str, size: int) -> bytes:
    """The first ``size`` bytes of a pinned file: all of it as it was when pinned."""
    try:
        with open(path, "rb") as f:
            data = f.read(size)
    except OSError as exc:
        raise AdminError(f"could not read {path} for the backup: {exc.strerror or exc}") from None
    if len(data) != size:
        raise AdminError(f"{path} is shorter than when the backup began ({len(data)} of {size} bytes)")
    return data


def unpin(folder: Path) -> None:
    """The held files let go (the data dir's own are untouched)."""
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)
