"""The data format, and the upgrade of an older data dir in place at start-up, journaled.

Format 2 kept the audit log as a table of ``index.json``, rewritten whole on each row. Format 3 moves
it to the append-only log in ``audit/`` (see audit_log.py) and records each patient's last retention
erasure in the index's ``erasures`` table, so retention no longer reads the log. Format 4 moves patients'
profiles to ``patients.log`` and alerts to ``alerts.json``; format 5 keeps only open alerts there, closed
ones in ``alerts-closed.log``; format 6 moves each patient's check-ins from their file to their own appended
log (checkin_log.py). The format is the index's ``meta`` row; an index without one is format 2.

Like key rotation, the upgrade writes ``migration.journal`` (no data in it) before it touches a file
and removes it after the last step. Each step is atomic and can be run again, so a kill -9 anywhere
leaves a dir the next start-up finishes upgrading: the log is built in ``audit.migrating/`` and renamed
into place in one step, then the index is rewritten without its audit table in one atomic write.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.domain.retention import last_erasures
from bot.store import audit_log, checkin_log, keyed_log
from bot.store.storage import (
    CORRUPT_MARK,
    TEMP_MARK,
    AtomicJSONStorage,
    Codec,
    DataRefusedError,
    IdentityCodec,
    fsync_dir,
    write_atomically,
)

log = logging.getLogger(__name__)

DATA_FORMAT = 6
JOURNAL = "migration.journal"
STAGING = "audit.migrating"
PATIENTS_LOG = "patients.log"  # repository.PATIENTS_LOG (that module imports this one)
ALERTS_FILE = "alerts.json"  # repository.ALERTS_FILE
CLOSED_ALERTS = "alerts-closed.log"
KEYED_LOGS = (PATIENTS_LOG, CLOSED_ALERTS)  # the shared files kept as keyed logs (keyed_log.py)


class MigrationRefused(DataRefusedError):
    """The data dir is in a format this release cannot upgrade (or is newer): nothing was changed."""


def stored_format(index: dict[str, Any] | None) -> int:
    """The format an index says it is in (format 2 had no ``meta`` row)."""
    meta = (index or {}).get("meta", {}).get("1")
    return int(meta["data_format"]) if isinstance(meta, dict) else 2


def meta_table(data_format: int = DATA_FORMAT) -> dict[str, dict[str, int]]:
    return {"1": {"data_format": data_format}}


def upgrade(data_dir: Path, codec: Codec | None) -> int | None:
    """Bring the data dir to DATA_FORMAT; returns the format it was in (None for a new dir)."""
    index_path = data_dir / "index.json"
    journal = data_dir / JOURNAL
    if not index_path.exists():
        if journal.exists():
            raise MigrationRefused(f"{journal} exists but {index_path} does not: restore from a backup")
        return None
    storage = AtomicJSONStorage(index_path, codec)
    index = storage.read() or {}
    found = stored_format(index)
    if found > DATA_FORMAT:
        raise MigrationRefused(
            f"{data_dir} is in data format {found}, newer than this release's {DATA_FORMAT}: run the "
            "release that wrote it (or restore a backup made before the upgrade)"
        )
    if found == DATA_FORMAT and not journal.exists():
        return found
    if not journal.exists():
        newer = [audit_log.segment_dir(data_dir)] if found < 3 else []
        newer += [data_dir / PATIENTS_LOG, data_dir / ALERTS_FILE] if found < 4 else []
        newer += [data_dir / CLOSED_ALERTS] if found < 5 else []
        newer += sorted(data_dir.glob(f"patients/*{checkin_log.SUFFIX}"))[:1]
        for path in newer:
            if path.exists():
                raise MigrationRefused(
                    f"{path} exists in a data dir of format {found}: it is not from this data dir; move it "
                    "away or restore from a backup"
                )
        stamp = {
            "from": found,
            "to": DATA_FORMAT,
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        write_atomically(journal, json.dumps(stamp).encode())
        log.warning(
            "upgrading %s from data format %d to %d (journaled: a crash resumes it)",
            data_dir,
            found,
            DATA_FORMAT,
        )
    else:
        log.warning("resuming the unfinished upgrade of %s to data format %d", data_dir, DATA_FORMAT)
    if found < 3:
        _audit_out_of_index(data_dir, codec, storage, index)
    if found < 4:
        _patients_out_of_index(data_dir, codec, storage)
    if found < 5:
        _closed_alerts_out(data_dir, codec, storage)
    if found < 6:
        _checkins_out(data_dir, codec, storage)
    shutil.rmtree(data_dir / STAGING, ignore_errors=True)
    journal.unlink()
    fsync_dir(data_dir)
    log.warning("%s is now in data format %d", data_dir, DATA_FORMAT)
    return found


def _audit_out_of_index(
    data_dir: Path, codec: Codec | None, storage: AtomicJSONStorage, index: dict[str, Any]
) -> None:
    table = index.get("audit", {})
    rows = [dict(table[k]) for k in sorted(table, key=int)]
    target = audit_log.segment_dir(data_dir)
    if not target.exists():  # step 1: the whole log, built aside then renamed into place at once
        staging = data_dir / STAGING
        shutil.rmtree(staging, ignore_errors=True)
        writer = audit_log.AuditLog(staging, codec)
        for row in rows:
            writer.append(row, sync=False)
        writer.sync()
        writer.close()
        built = audit_log.segment_dir(staging)
        built.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.rename(built, target)
        fsync_dir(data_dir)
    # Step 2: the index without its audit table, one atomic write.
    erasures = last_erasures(rows).items()
    upgraded = {k: v for k, v in index.items() if k != "audit"}
    upgraded["erasures"] = {
        str(n): {"patient_id": p, "at": at.isoformat()} for n, (p, at) in enumerate(erasures, start=1)
    }
    upgraded["meta"] = meta_table(3)
    storage.write(upgraded)


def _patients_out_of_index(data_dir: Path, codec: Codec | None, storage: AtomicJSONStorage) -> None:
    """Format 4: patients' profiles leave the index for ``patients.log`` (keyed_log.py), alerts for
    ``alerts.json``: the index every enrollment rewrites no longer grows with the program or with time."""
    index = storage.read() or {}
    people = data_dir / PATIENTS_LOG
    if not people.exists():  # step 1, one atomic write (from the index, which is unchanged until step 2)
        rows = {str(r["patient_id"]): dict(r) for r in index.get("patients", {}).values()}
        keyed_log.write_rows(people, rows, codec or IdentityCodec())
    alerts = data_dir / ALERTS_FILE
    if not alerts.exists():  # from the index too, so either step may come first after a crash
        write_atomically(
            alerts,
            (codec or IdentityCodec()).encode(json.dumps({"alerts": index.get("alerts", {})}).encode()),
        )
    upgraded = {k: v for k, v in index.items() if k not in ("patients", "alerts")}  # step 2
    upgraded["meta"] = meta_table(4)
    storage.write(upgraded)


def _closed_alerts_out(data_dir: Path, codec: Codec | None, storage: AtomicJSONStorage) -> None:
    """Format 5: closed alerts leave ``alerts.json`` (rewritten on every alert) for ``alerts-closed.log``."""
    alerts = AtomicJSONStorage(data_dir / ALERTS_FILE, codec)
    rows = list((alerts.read() or {}).get("alerts", {}).values())
    closed = data_dir / CLOSED_ALERTS
    if not closed.exists():  # step 1, from alerts.json, which is unchanged until step 2
        done = {str(r["alert_id"]): dict(r) for r in rows if r.get("acked_at") is not None}
        keyed_log.write_rows(closed, done, codec or IdentityCodec())
    still = [r for r in rows if r.get("acked_at") is None]  # step 2: the open ones alone
    alerts.write({"alerts": {str(n): r for n, r in enumerate(still, start=1)}})
    upgraded = storage.read() or {}  # step 3
    upgraded["meta"] = meta_table(5)
    storage.write(upgraded)


def _checkins_out(data_dir: Path, codec: Codec | None, storage: AtomicJSONStorage) -> None:
    """Format 6: each patient's check-ins leave their file for their own log (checkin_log.split_out). A file
    that does not open is left as it is (refused for that patient, as before); if it comes back, whole,
    from a backup, its check-ins move when it is first opened."""
    for shard in sorted(data_dir.glob("patients/*.json")):
        if TEMP_MARK in shard.name or CORRUPT_MARK in shard.name:
            continue
        try:
            checkin_log.split_out(shard, codec)
        except DataRefusedError as exc:
            log.error("upgrade: %s does not open (%s); left as it is, refused for that patient", shard, exc)
    upgraded = storage.read() or {}
    upgraded["meta"] = meta_table(6)
    storage.write(upgraded)
