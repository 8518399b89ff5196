"""A data dir restored from a backup (ops O94): the mark `iop-bot restore` leaves for the bot and for doctor.

Restored as the live program, an older backup was the team's "now" with nobody told: the admins heard nothing,
/caseload showed the backup's alerts as open for days, doctor said nothing. So the restore writes ``.restored``
(when the backup was taken, when and by whom it was restored, from which file), the first start tells the team
once (bot/jobs/restored.py) and marks it told, and doctor notes it for KEEP.

Times and a file name only, no patient data: plain JSON, not a data file (not *.json), not in a backup.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.store.storage import write_atomically

log = logging.getLogger(__name__)
MARK = ".restored"
KEEP = timedelta(days=7)  # how long doctor notes a restore


@dataclass(frozen=True)
class Restored:
    """A restore: the backup's time, the restore's, the file, who ran it, and whether the team was told."""

    taken: datetime
    at: datetime
    file: str
    by: str
    told: bool = False
    key: str | None = None  # the fingerprint of the key the restored files are under (ops O91)


def mark(data_dir: Path, taken: datetime, at: datetime, file: str, by: str, key: str | None = None) -> None:
    """`iop-bot restore`, once the files are in place (``key``: the backup's key fingerprint)."""
    row = {
        "taken": taken.isoformat(),
        "at": at.isoformat(),
        "file": file,
        "by": by,
        "told": False,
        "key": key,
    }
    write_atomically(data_dir / MARK, json.dumps(row).encode())


def read(data_dir: Path) -> Restored | None:
    """The restore this data dir came from, None when it did not (or the mark does not read: said in the log)."""
    path = data_dir / MARK
    try:
        row = json.loads(path.read_text(encoding="utf-8"))
        return Restored(
            datetime.fromisoformat(row["taken"]),
            datetime.fromisoformat(row["at"]),
            str(row.get("file", "")),
            str(row.get("by", "")),
            bool(row.get("told")),
            str(row["key"]) if row.get("key") else None,
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s does not read (%s): a restore from a backup is not known", path, exc)
        return None


def rekeyed(data_dir: Path, key: str) -> None:
    """`iop-bot rotate-key` finished: the restored files are under ``key`` (a fingerprint) now."""
    path = data_dir / MARK
    if path.exists():
        row = json.loads(path.read_text(encoding="utf-8"))
        write_atomically(path, json.dumps({**row, "key": key}).encode())


def told(data_dir: Path) -> None:
    """The team was told at a start: the next starts say nothing (doctor still notes it)."""
    path = data_dir / MARK
    row = json.loads(path.read_text(encoding="utf-8"))
    write_atomically(path, json.dumps({**row, "told": True}).encode())
