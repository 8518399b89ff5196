"""Each patient's check-ins in a file of their own, ``patients/<patient_id>.checkins.log`` (data format 6).

A keyed log (keyed_log.py) keyed by entry id: recording a check-in is one appended, encrypted line and an
fsync, whatever the patient's history, where it used to rewrite their whole file. A same-day replacement is
one line too (the new entry and the old one's removal together), so a crash never loses both. The rest of
the patient's file (drafts, flags, state) stays small TinyDB.

The file is only appended to, or replaced whole by a rename, so an export may read it off the store thread:
its whole lines are a consistent past state (`read_entries`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from bot.domain.checkins import CheckinConfig, Entry, merge_same_day
from bot.store import keyed_log
from bot.store.keyed_log import ROWS_PER_LINE, KeyedLog
from bot.store.storage import AtomicJSONStorage, Codec, DataRefusedError, IdentityCodec, set_aside_tail

log = logging.getLogger(__name__)

SUFFIX = ".checkins.log"
SLACK_LINES = 50  # check-ins appended since the last compaction before an open compacts
TABLE = "checkins"  # the table of the patient's TinyDB file that held them before format 6


def log_path(data_dir: Path, patient_id: str) -> Path:
    return data_dir / "patients" / f"{patient_id}{SUFFIX}"


def is_log(path: Path) -> bool:
    return path.name.endswith(SUFFIX) and path.parent.name == "patients"


def entries(log: KeyedLog) -> list[Entry]:
    """A patient's check-ins, oldest first."""
    return sorted((Entry.from_dict(r) for r in log.rows.values()), key=lambda e: e.ts)


def record(log: KeyedLog, entry: Entry, config: CheckinConfig) -> Entry:
    """Store a completed check-in (same-day policy applied; a replay changes nothing): at most one line."""
    if (replayed := log.rows.get(entry.entry_id)) is not None:
        return Entry.from_dict(replayed)
    day = entry.local_date.isoformat()
    same = [Entry.from_dict(r) for r in log.rows.values() if r["local_date"] == day]
    merged, stored = merge_same_day(config, same, entry)
    kept = {e.entry_id for e in merged}
    gone: dict[str, keyed_log.Row | None] = {e.entry_id: None for e in same if e.entry_id not in kept}
    log.put({**gone, stored.entry_id: stored.to_dict()}, compact=False)  # the last line until it is settled
    return stored


def open_log(path: Path, codec: Codec | None, draft_id: str | None, *, compact: bool = True) -> KeyedLog:
    """Open a patient's log, first setting aside a check-in whose completion a crash cut short.

    A check-in's line is appended before the rest of the patient's file is written (flags raised, draft
    closed). If the draft it came from is still open, that file's write never happened: the line is copied
    aside (kept for review, like a torn tail) and cut off, so no entry stands without its flags; the patient
    finishes the draft again. The log is compacted here (many rows a line, so a first open decrypts a few
    lines, not one per check-in) rather than within a check-in, so that check-in's line is the last one.
    """
    settle(path, codec, draft_id)
    found = KeyedLog(path, codec)
    if compact and found.lines > len(found.rows) // ROWS_PER_LINE + SLACK_LINES:
        found.compact()
    return found


def settle(path: Path, codec: Codec | None, draft_id: str | None) -> None:
    """Set aside the last line when it is the check-in of a draft still open (see `open_log`)."""
    if draft_id is None or not path.exists():
        return
    raw = path.read_bytes()
    whole = raw[: raw.rfind(b"\n") + 1]
    start = whole.rfind(b"\n", 0, len(whole) - 1) + 1
    if whole and draft_id in _keys(whole[start:], codec):
        copy = set_aside_tail(path, raw[start:])
        log.error(
            "%s: the check-in %s was stored but its completion was cut short (its draft is still open); "
            "the line is kept at %s and the patient finishes the draft again", path, draft_id, copy,
        )  # fmt: skip


def _keys(line: bytes, codec: Codec | None) -> list[str]:
    try:
        return list(json.loads((codec or IdentityCodec()).decode(line.rstrip(b"\n")))["s"])
    except (DataRefusedError, ValueError, KeyError, TypeError):
        return []  # KeyedLog refuses a line that does not open


def read_entries(path: Path, codec: Codec | None) -> tuple[list[Entry], int]:
    """The check-ins in the file's whole lines, read without the store (an export's read), and how many bytes
    cut short end it (not read: the export must say so, newcomer7 N14); raises DataRefusedError when a whole
    line does not open."""
    rows, _, tail = keyed_log.read_lines(path, codec) if path.exists() else ({}, 0, b"")
    return sorted((Entry.from_dict(r) for r in rows.values()), key=lambda e: e.ts), len(tail)


def split_out(shard: Path, codec: Codec | None) -> bool:
    """Move the check-ins of a patient's TinyDB file (format 5 and before) to their log; True if it moved any.

    Two atomic steps, each safe to run again: the log is written whole from the file (unchanged until step
    2), then the file is rewritten without them.
    """
    storage = AtomicJSONStorage(shard, codec)
    data = storage.read() or {}
    if TABLE not in data:
        return False
    path = shard.with_name(shard.name.removesuffix(".json") + SUFFIX)
    if not path.exists():
        rows = {str(r["entry_id"]): dict(r) for r in data[TABLE].values()}
        keyed_log.write_rows(path, rows, codec or IdentityCodec())
    storage.write({k: v for k, v in data.items() if k != TABLE})
    return True
