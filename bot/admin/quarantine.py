"""`iop-bot doctor --quarantine FILE`: a person accepts the loss of a refused file, on the record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.config.settings import Settings
from bot.store import verify
from bot.store.audit_log import AuditLog
from bot.store.crypto import FernetCodec
from bot.store.lock import DataDirLock
from bot.store.migrate import upgrade
from bot.store.storage import DataRefusedError, quarantine


def quarantine_file(settings: Settings, raw: str, now: datetime) -> str:
    """Set one refused data file aside (never the index) and audit-log it; returns what was done."""
    path = Path(raw).resolve()
    root = settings.data_dir.resolve()
    if root not in path.parents or path not in [p.resolve() for p in verify.data_files(settings.data_dir)]:
        raise DataRefusedError(f"--quarantine: {raw} is not a data file in {root}")
    if path.name == "index.json":
        raise DataRefusedError(
            "--quarantine: the index holds every patient and counselor; restore it from a backup instead"
        )
    check = verify.check_file(path, settings.data_keys)
    if check.ok:
        raise DataRefusedError(f"--quarantine: {path} opens with the key given; nothing to set aside")
    lock = DataDirLock(settings.data_dir, role="cli")
    lock.acquire()  # the bot must be stopped: it may hold this patient's state in memory
    try:
        codec = FernetCodec(settings.data_keys) if settings.data_keys else None
        upgrade(root, codec)  # the row goes to the log of the current format
        log = AuditLog(root, codec)
        try:
            # On the record first: a file is never moved without the audit log saying who and why.
            row = {"at": now.isoformat(), "actor": 0, "action": "quarantine_file", "subject": path.stem}
            log.append({**row, "file": path.name, "reason": check.state.value})
            target = quarantine(path)
        finally:
            log.close()
    finally:
        lock.release()
    return (
        f"Set {path} ({check.state.value}) aside as {target.name}; the patient starts with empty records. "
        "The copy still holds data: erase it once reviewed (/delete and retention erase it too)."
    )
