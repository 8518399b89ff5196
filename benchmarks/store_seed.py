"""A year-old program's data dir, encrypted as in production, written directly (through the store it would
take hours): patients with their check-ins, and the audit log as hash-chained segments."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from cryptography.fernet import Fernet

from bot.domain.checkins import Entry
from bot.domain.escalation import Alert
from bot.domain.models import Counselor, Patient
from bot.store import audit_log, checkin_log
from bot.store.crypto import FernetCodec
from bot.store.keyed_log import ROWS_PER_LINE, line_of, write_rows
from bot.store.migrate import ALERTS_FILE, CLOSED_ALERTS, PATIENTS_LOG, meta_table

COUNSELORS = 50
START = date(2025, 11, 1)
COHORT = "Bench"  # the first COHORT_SIZE patients, for the export under load


def patients(count: int, cohort_size: int) -> list[Patient]:
    made = datetime(2025, 11, 1, tzinfo=UTC)
    return [
        Patient(
            patient_id=f"b{n}",
            telegram_id=100_000 + n,
            alias=f"P{n}",
            counselor_id=1000 + n % COUNSELORS,
            enrolled_at=made,
            consent_at=made,
            cohort=COHORT if n < cohort_size else None,
            timezone="America/New_York",
            checkin_time=time(9 + n % 12, (n * 7) % 60),
        )
        for n in range(count)
    ]


def _checkins(n: int, days: int) -> dict[str, dict[str, object]]:
    made = datetime(2025, 11, 1, 20, tzinfo=UTC)
    return {
        f"s{n}x{i}": Entry(
            f"s{n}x{i}", made + timedelta(days=i), START + timedelta(days=i), {"mood": i % 11, "craving": 3}
        ).to_dict()
        for i in range(days)
    }


def seed(
    data_dir: Path,
    key: str,
    *,
    count: int,
    days: int,
    audit_rows: int,
    cohort_size: int = 0,
    cohort_days: int = 0,
    alerts: int = 0,
) -> int:
    """Write the data dir; returns how many check-ins it holds."""
    fernet = Fernet(key.encode())
    people = patients(count, cohort_size)
    # What a year leaves under this release: counselors in the index, and in alerts-closed.log the alerts
    # closed in the last 30 days (older ones are archived to the audit log as alerts are acknowledged).
    index = {
        "meta": meta_table(),
        "counselors": {str(c + 1): Counselor(1000 + c, f"C{c}").to_dict() for c in range(COUNSELORS)},
    }
    closed = {f"c{n}": _closed_alert(n, people).to_dict() for n in range(alerts)}
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    (data_dir / "index.json").write_bytes(fernet.encrypt(json.dumps(index).encode()))
    (data_dir / ALERTS_FILE).write_bytes(fernet.encrypt(json.dumps({"alerts": {}}).encode()))
    codec = FernetCodec([key])
    write_rows(data_dir / CLOSED_ALERTS, closed, codec)
    write_rows(data_dir / PATIENTS_LOG, {p.patient_id: p.to_dict() for p in people}, codec)
    (data_dir / "patients").mkdir(mode=0o700, exist_ok=True)
    total = 0
    for n, p in enumerate(people):
        many = max(days, cohort_days) if n < cohort_size else days
        # The patient's own file keeps what a year leaves there (a claimed prompt a day); the check-ins are
        # in their log as compaction leaves it (many rows a line).
        sent = {str(i + 1): {"key": f"prompt:{START + timedelta(days=i)}"} for i in range(many)}
        (data_dir / "patients" / f"{p.patient_id}.json").write_bytes(
            fernet.encrypt(json.dumps({"sent": sent}).encode())
        )
        _write_log(checkin_log.log_path(data_dir, p.patient_id), _checkins(n, many), codec)
        total += many
    _seed_audit(data_dir, fernet, people, audit_rows)
    os.sync()  # the seeded files' write-back would otherwise slow the fsyncs measured
    return total


def _write_log(path: Path, rows: dict[str, dict[str, object]], codec: FernetCodec) -> None:
    """keyed_log.write_rows without its fsync (the seed syncs once at the end)."""
    items = list(rows.items())
    chunks = [dict(items[i : i + ROWS_PER_LINE]) for i in range(0, len(items), ROWS_PER_LINE)]
    path.write_bytes(b"".join(line_of(chunk, codec) for chunk in chunks))


def _closed_alert(n: int, people: list[Patient]) -> Alert:
    raised = datetime(2026, 10, 31, tzinfo=UTC) - timedelta(hours=n * 30 * 24 / 400)
    who = people[n % len(people)]
    return Alert(
        f"c{n}", "checkin", who.patient_id, who.counselor_id, raised, "", True, raised, who.counselor_id
    )


def _seed_audit(data_dir: Path, fernet: Fernet, people: list[Patient], rows: int) -> None:
    folder = audit_log.segment_dir(data_dir)
    folder.mkdir(mode=0o700, exist_ok=True)
    prev, seq, size, month, out = audit_log.GENESIS, 0, 0, "", None
    start = datetime(2025, 11, 1, tzinfo=UTC)
    step = timedelta(days=365) / max(rows, 1)
    for n in range(rows):
        at = start + step * n
        row = {"at": at.isoformat(), "actor": 1000 + n % COUNSELORS, "action": "patient_viewed"}
        row["subject"] = people[n % len(people)].patient_id if people else "-"
        record = {"n": n + 1, "p": prev, "r": row}
        plain = json.dumps(record, separators=(",", ":")).encode()
        line = fernet.encrypt(plain) + b"\n"
        if out is None or at.strftime("%Y-%m") != month or size + len(line) > audit_log.SEGMENT_BYTES:
            if out is not None:
                out.close()
            seq, size, month = seq + 1, 0, at.strftime("%Y-%m")
            out = open(folder / f"{seq:06d}-{month}.log", "wb")  # noqa: SIM115 (closed at the next turn)
        out.write(line)
        size += len(line)
        prev = audit_log.digest(plain)
    if out is not None:
        out.close()
