"""`iop-bot doctor --quarantine FILE`: a person accepts the loss of a refused file, on the record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.config.settings import Settings
from bot.store import checkin_log, keyed_log, verify
from bot.store.audit_log import AuditLog
from bot.store.crypto import FernetCodec
from bot.store.lock import DataDirLock
from bot.store.migrate import upgrade
from bot.store.storage import DataRefusedError, quarantine


def quarantine_file(settings: Settings, raw: str, now: datetime) -> str:
    """Set one refused data file aside (never the index) and audit-log it; returns what was done."""
    path = Path(raw).resolve()
    root = settings.data_dir.resolve()
    entries = checkin_log.is_log(path) and path.is_file()
    if root not in path.parents or not (
        entries or path in [p.resolve() for p in verify.data_files(settings.data_dir)]
    ):
        raise DataRefusedError(f"--quarantine: {raw} is not a data file in {root}")
    if path.name == "index.json":
        raise DataRefusedError(
            "--quarantine: the index holds every patient and counselor; restore it from a backup instead"
        )
    reason = _log_refused(path, settings) if entries else _refused(path, settings)
    if reason is None:
        raise DataRefusedError(f"--quarantine: {path} opens with the key given; nothing to set aside")
    lock = DataDirLock(settings.data_dir, role="cli")
    lock.acquire()  # the bot must be stopped: it may hold this patient's state in memory
    try:
        codec = FernetCodec(settings.data_keys) if settings.data_keys else None
        upgrade(root, codec)  # the row goes to the log of the current format
        log = AuditLog(root, codec)
        try:
            # On the record first: a file is never moved without the audit log saying who and why.
            subject = path.name.split(".")[0]
            row = {"at": now.isoformat(), "actor": 0, "action": "quarantine_file", "subject": subject}
            log.append({**row, "file": path.name, "reason": reason})
            target = quarantine(path)
        finally:
            log.close()
    finally:
        lock.release()
    return (
        f"Set {path} ({reason}) aside as {target.name}; the patient starts with that file empty. "
        "The copy still holds data: erase it once reviewed (/delete and retention erase it too)."
    )


def _refused(path: Path, settings: Settings) -> str | None:
    check = verify.check_file(path, settings.data_keys)
    return None if check.ok else check.state.value


def _log_refused(path: Path, settings: Settings) -> str | None:
    """Why a patient's check-in log does not open (None when it does)."""
    try:
        keyed_log.read_lines(path, FernetCodec(settings.data_keys) if settings.data_keys else None)
    except DataRefusedError as exc:
        return str(exc).removeprefix(f"{path} ")
    return None
