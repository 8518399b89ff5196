"""A damaged line in the audit log's newest segment no longer stops the bot (ops O139, P1).

One altered byte in an old row (an insider without the key, bit rot) made `iop-bot run` refuse to start, exit 2,
which systemd does not restart: the whole bot down, every patient's crisis words unanswered, over a log that only
records; and the only way out offered was a whole restore that loses everything since the backup. Now, when some
of the newest segment's lines open and one does not (a wrong key opens none: that still refuses), the segment is
set aside untouched as evidence (``<segment>.damaged-<time>``, a FAIL in `doctor` until someone reviews it), an
``audit_segment_damaged`` row says where, and the bot starts; bot/jobs/audit_watch.py tells the admins.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from bot.store import audit_log
from bot.store.audit_log import AuditLog, AuditLogRefused
from bot.store.storage import Codec, DataRefusedError, IdentityCodec, fsync_dir

log = logging.getLogger(__name__)
MARK = ".damaged-"


def set_aside_damaged(
    data_dir: Path, codec: Codec | None, refused: AuditLogRefused, *, now: datetime | None = None
) -> Path | None:
    """Move the newest segment aside when a whole line of it does not open but others do; the copy's path, or
    None when this is no such damage (a wrong key, a foreign file, garbage at the end: refused as before).
    ``now``: the bot's clock, for the audit row (the wall clock only for a caller without one)."""
    found = audit_log.segments(data_dir)
    if not found or not str(refused).startswith(f"{found[-1]} line "):
        return None
    newest = found[-1]
    lines, _ = audit_log.read_segment(newest)
    opened = 0
    for number, raw in enumerate(lines, start=1):
        try:
            audit_log.decode_line(raw, codec or IdentityCodec(), f"{newest} line {number}")
            opened += 1
        except DataRefusedError:
            continue
    if not opened:
        return None  # nothing opens: another key or a foreign file, the key check's and O51's cases
    now = now or datetime.now(UTC)
    copy = newest.with_name(f"{newest.name}{MARK}{now.strftime('%Y%m%dT%H%M%SZ')}")
    os.rename(newest, copy)
    fsync_dir(newest.parent)
    log.error(
        "audit log %s is damaged (%s): set aside untouched as %s, as evidence; the bot starts and writes on. "
        "Compare it with the same segment in the last backup",
        newest, refused, copy,
    )  # fmt: skip
    writer = AuditLog(data_dir, codec)
    try:
        row = {"at": now.isoformat(), "actor": 0, "action": "audit_segment_damaged", "subject": "-"}
        writer.append({**row, "segment": newest.name, "set_aside_as": copy.name, "where": str(refused)})
    finally:
        writer.close()
    return copy


def damaged(data_dir: Path) -> list[Path]:
    """Segments set aside as damaged, still in the log's folder (until a person reviews and moves them)."""
    return [p for p in audit_log.strays(data_dir) if MARK in p.name]
