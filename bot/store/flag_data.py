"""Flags for the counselor (each in the patient's own shard), open until acknowledged. Moved out of
bot/store/patient_data.py as it grew."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from tinydb import Query, TinyDB

_Q = Query()


class _HasShards(Protocol):
    def _shard(self, patient_id: str, *, keep_open: bool = True) -> TinyDB: ...


class FlagData:
    """Mixin for the repository: flags for the counselor, open until acknowledged."""

    def raise_flag(
        self: _HasShards, patient_id: str, kind: str, key: str, now: datetime, details: dict[str, Any]
    ) -> bool:
        """Open a flag once per key (a retried job never doubles it); False if it already existed."""
        table = self._shard(patient_id).table("flags")
        if table.contains(_Q.key == key):
            return False
        table.insert({"key": key, "kind": kind, "at": now.isoformat(), "details": details, "ack": None})
        return True

    def open_flags(self: _HasShards, patient_id: str) -> list[dict[str, Any]]:
        """Flags not yet acknowledged, oldest first."""
        rows = self._shard(patient_id).table("flags").search(_Q.ack == None)  # noqa: E711 (TinyDB query)
        return sorted((dict(r) for r in rows), key=lambda r: str(r["at"]))

    def flags_of_kind(self: _HasShards, patient_id: str, kind: str) -> list[dict[str, Any]]:
        """A patient's flags of one kind, open or acknowledged, oldest first."""
        rows = self._shard(patient_id).table("flags").search(_Q.kind == kind)
        return sorted((dict(r) for r in rows), key=lambda r: str(r["at"]))

    def acknowledge_flags(self: _HasShards, patient_id: str, counselor_id: int, now: datetime) -> list[str]:
        """Close every open flag; returns the kind of each one closed (the confirmation names them: N174)."""
        table = self._shard(patient_id).table("flags")
        rows = table.search(_Q.ack == None)  # noqa: E711 (TinyDB query)
        table.update({"ack": {"by": counselor_id, "at": now.isoformat()}}, doc_ids=[r.doc_id for r in rows])
        return [str(r["kind"]) for r in rows]

    def join_flag(self: _HasShards, patient_id: str, key: str, details: dict[str, Any]) -> bool:
        """Replace the details of an open flag (later words joining it); False when it is gone or acknowledged."""
        table = self._shard(patient_id).table("flags")
        return bool(table.update({"details": details}, (_Q.key == key) & (_Q.ack == None)))  # noqa: E711

    def close_flags(self: _HasShards, patient_id: str, keys: Sequence[str], now: datetime) -> list[str]:
        """Close the open flags with these keys, as the system (an RSVP changed since: newcomer20 N202); returns
        the kind of each one closed."""
        table = self._shard(patient_id).table("flags")
        rows = [r for r in table.search(_Q.ack == None) if r.get("key") in keys]  # noqa: E711
        table.update({"ack": {"by": 0, "at": now.isoformat()}}, doc_ids=[r.doc_id for r in rows])
        return [str(r["kind"]) for r in rows]
