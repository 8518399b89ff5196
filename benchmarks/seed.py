"""Big data dirs for benchmarks, written directly (through the store they would take minutes)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from bot.domain.models import Counselor, Patient
from bot.store.keyed_log import write_rows
from bot.store.migrate import PATIENTS_LOG, meta_table
from bot.store.storage import IdentityCodec

COUNSELOR = 1001


def seed_patients(
    data_dir: Path,
    count: int,
    *,
    cohort: str | None = None,
    first_id: int = 100000,
    checkin_hour: int | None = None,
) -> list[Patient]:
    """An index with one counselor and ``count`` set-up patients (New York, staggered check-in times)."""
    from datetime import time

    now = datetime.now(UTC)
    patients = [
        Patient(
            patient_id=f"b{n}",
            telegram_id=first_id + n,
            alias=f"P{n}",
            counselor_id=COUNSELOR,
            enrolled_at=now,
            consent_at=now,
            cohort=cohort,
            timezone="America/New_York",
            checkin_time=time(checkin_hour if checkin_hour is not None else 9 + n % 12, (n * 7) % 60),
        )
        for n in range(count)
    ]
    # Unencrypted, in the current data format (an older one would be upgraded at start-up, and measured).
    index = {"meta": meta_table(), "counselors": {"1": Counselor(COUNSELOR, "Bench").to_dict()}}
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "index.json").write_text(json.dumps(index))
    write_rows(data_dir / PATIENTS_LOG, {p.patient_id: p.to_dict() for p in patients}, IdentityCodec())
    return patients
