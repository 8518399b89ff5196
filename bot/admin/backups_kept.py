"""The backups that still hold a patient's data after `iop-bot patient erase` (ops O96: the admin answering a
deletion request read "P1's data is erased" and nothing of the nightly backups that keep it until they are
deleted, though they must tell the patient when the erasure is complete)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.admin.backup import STAMP


def kept(data_dir: Path) -> dict[str, Any] | None:
    """The backup files beside the last backup taken (its stamp names it): how many, where, the newest and the
    oldest's time. None when no backup was taken from this data dir; {"unreadable": why} when the stamp or the
    folder it names cannot be read (said so to the admin, never taken for "no backups": session 22 review)."""
    try:
        last = Path(str(json.loads((data_dir / STAMP).read_text(encoding="utf-8"))["file"]))
        found = [(p.stat().st_mtime, p) for p in last.parent.glob("*.iopbak") if p.is_file()]
    except FileNotFoundError as exc:
        if exc.filename == str(data_dir / STAMP):
            return None  # no backup was ever taken from this data dir with `iop-bot backup`
        return {"unreadable": str(exc)}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return {"unreadable": f"{type(exc).__name__}: {exc}"}
    if not found:
        return None
    found.sort()
    return {
        "folder": str(last.parent),
        "count": len(found),
        "newest": found[-1][1].name,
        "oldest_at": datetime.fromtimestamp(found[0][0], UTC).isoformat(timespec="minutes"),
    }
