"""`iop-bot doctor --quarantine FILE`: a person accepts the loss of a refused file, on the record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.config.settings import Settings
from bot.store import audit_log, audit_tail, checkin_log, keyed_log, verify
from bot.store.audit_log import AuditLog
from bot.store.crypto import FernetCodec
from bot.store.lock import DataDirLock
from bot.store.migrate import CLOSED_ALERTS, PATIENTS_LOG, upgrade
from bot.store.storage import DataRefusedError, quarantine, set_aside_tail


def quarantine_file(settings: Settings, raw: str, now: datetime) -> str:
    """Set one refused data file aside (never the index) and audit-log it; returns what was done."""
    path = Path(raw).resolve()
    root = settings.data_dir.resolve()
    if (tail := cut_short(settings, path)) is not None:
        return _set_tail_aside(settings, path, tail, now)
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


def cut_short(settings: Settings, path: Path) -> bytes | None:
    """The cut-short last bytes of one of the data dir's logs (patients.log, the closed alerts, a check-in
    log), not yet set aside; None when it is no such log or ends whole (or does not open: the files check)."""
    root = settings.data_dir.resolve()
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    torn = audit_tail.cut_short_tail(root, codec)
    if torn is not None and torn[0] == path:
        return torn[1]  # the newest audit segment's (newcomer13 O51: doctor names this repair)
    logs = (root / PATIENTS_LOG, root / CLOSED_ALERTS)
    if not path.is_file() or (path not in logs and not (checkin_log.is_log(path) and root in path.parents)):
        return None
    try:
        tail = keyed_log.read_lines(path, codec)[2]
    except DataRefusedError:
        return None
    return tail or None


def _set_tail_aside(settings: Settings, path: Path, tail: bytes, now: datetime) -> str:
    """What the bot's next start would do to a log's cut-short end, done by a person, on the record: the
    bytes kept beside it (``NAME.torn-<time>``), the log going on from its last whole line."""
    lock = DataDirLock(settings.data_dir, role="cli")
    lock.acquire()  # the bot must be stopped: it would append after the cut-short bytes
    try:
        codec = FernetCodec(settings.data_keys) if settings.data_keys else None
        # The audit log's own tail goes first: a row appended after it would glue to the cut-short bytes.
        audit = path.parent == audit_log.segment_dir(settings.data_dir.resolve())
        copy = set_aside_tail(path, tail) if audit else None
        log = AuditLog(settings.data_dir.resolve(), codec)
        try:
            row = {"at": now.isoformat(), "actor": 0, "action": "set_aside_tail", "subject": path.name}
            log.append({**row, "bytes": len(tail)})
            copy = copy or set_aside_tail(path, tail)
        finally:
            log.close()
    finally:
        lock.release()
    return (
        f"Set the last {len(tail)} bytes of {path} (cut short) aside as {copy.name}; the log goes on from its "
        "last whole line. If that record was acknowledged, restore a backup that has it; delete the copy once "
        "reviewed."
    )
