"""A patient's own data, whole: to hand it to them (/mydata) or to erase it (/delete)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

from tinydb import Query, TinyDB

from bot.domain.checkins import Entry
from bot.domain.models import Patient
from bot.store import checkin_log
from bot.store.keyed_log import KeyedLog
from bot.store.storage import CORRUPT_MARK, TORN_MARK

_Q = Query()


class _Store(Protocol):
    _index: TinyDB
    _alerts: TinyDB
    _closed: KeyedLog
    _shards: dict[str, TinyDB]
    _checkin_logs: dict[str, KeyedLog]
    data_dir: Path
    unreadable: dict[str, str]

    def _shard(self, patient_id: str) -> TinyDB: ...

    def patient(self, patient_id: str) -> Patient | None: ...

    def patient_alerts(self, patient_id: str) -> list[dict[str, Any]]: ...

    def checkins(self, patient_id: str) -> list[Entry]: ...


class PrivacyData:
    """Mixin for the repository: data rights."""

    def patient_data_export(self: _Store, patient_id: str) -> dict[str, Any]:
        """Everything stored about one patient, table by table."""
        patient = self.patient(patient_id)
        shard = self._shard(patient_id)
        tables = {name: [dict(r) for r in shard.table(name).all()] for name in shard.tables()}
        tables[checkin_log.TABLE] = [e.to_dict() for e in self.checkins(patient_id)]
        tables = dict(sorted(tables.items()))
        alerts = [
            {k: r[k] for k in ("kind", "created_at", "text", "acked_at") if k in r}
            for r in self.patient_alerts(patient_id)
        ]
        profile = patient.to_dict() if patient else {}
        profile.pop("patient_id", None)
        return {"profile": profile, **tables, "alerts": alerts}

    def erase_patient_data(self: _Store, patient_id: str) -> None:
        """Erase check-ins, notes, plans, measures and alert texts; the enrollment record stays, and so do the
        one-time-send claims (keys, never words: newcomer finding 10b-12, a session reminder came again)."""
        try:
            claims = [dict(r) for r in self._shard(patient_id).table("sent").all()]
        except Exception:  # an unreadable file is erased all the same; at worst a push comes twice
            claims = []
        db = self._shards.pop(patient_id, None)
        if db is not None:
            db.close()
        if (entries := self._checkin_logs.pop(patient_id, None)) is not None:
            entries.close()
        self.unreadable.pop(patient_id, None)  # an unreadable file is erased like any other
        path = self.data_dir / "patients" / f"{patient_id}.json"
        entries_path = checkin_log.log_path(self.data_dir, patient_id)
        # Copies set aside by `doctor --quarantine`, and a log's cut-short tail, still decrypt: they go too.
        copies = [path, *path.parent.glob(f"{path.name}{CORRUPT_MARK}*")]
        copies += [entries_path, *path.parent.glob(f"{entries_path.name}{TORN_MARK}*")]
        copies += path.parent.glob(f"{entries_path.name}{CORRUPT_MARK}*")
        if any(p.exists() for p in copies):
            for p in copies:
                p.unlink(missing_ok=True)
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)  # the deletion itself must survive a crash
            finally:
                os.close(dir_fd)
        if claims:
            self._shard(patient_id).table("sent").insert_multiple(claims)
        # Marked, so the alert can say why its words are gone rather than silently showing none.
        gone = {"text": "", "words_erased": True}
        self._alerts.table("alerts").update(gone, (_Q.patient_id == patient_id) & (_Q.text != ""))
        self._index.table("kept").remove(_Q.patient_id == patient_id)  # their kept text went with the file
        said = {
            k: {**r, **gone}
            for k, r in self._closed.rows.items()
            if r["patient_id"] == patient_id and r.get("text")
        }
        if said:
            self._closed.put(said)
            self._closed.compact()  # the lines that held the words are gone from the disk too
