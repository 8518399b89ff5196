"""The alert outbox (in the index file) and the audit log (append-only files of its own, audit_log.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from tinydb import Query, TinyDB

from bot.domain.escalation import Alert
from bot.store import audit_log
from bot.store.audit_log import AuditLog
from bot.store.storage import Codec, upsert

_Q = Query()


class _HasIndex(Protocol):
    _index: TinyDB
    _audit: AuditLog
    data_dir: Path
    _codec: Codec | None


class AlertData:
    """Mixin for the repository: urgent alerts open until acknowledged, and who saw what."""

    def add_alert(self: _HasIndex, alert: Alert) -> None:
        """Put a new alert in the outbox."""
        self._index.table("alerts").insert(alert.to_dict())

    def save_alert(self: _HasIndex, alert: Alert) -> None:
        """Store an alert's new state (deliveries, acknowledgement)."""
        upsert(self._index.table("alerts"), alert.to_dict(), _Q.alert_id == alert.alert_id)

    def alert(self: _HasIndex, alert_id: str) -> Alert | None:
        """One alert by its opaque id."""
        row = self._index.table("alerts").get(_Q.alert_id == alert_id)
        return Alert.from_dict(dict(row)) if isinstance(row, dict) else None

    def open_alerts(self: _HasIndex) -> list[Alert]:
        """Alerts nobody has acknowledged yet, oldest first."""
        rows = self._index.table("alerts").search(_Q.acked_at == None)  # noqa: E711 (TinyDB query)
        return sorted((Alert.from_dict(dict(r)) for r in rows), key=lambda a: a.created_at)

    def recent_alert(self: _HasIndex, patient_id: str, kind: str, since: datetime) -> Alert | None:
        """The latest alert of a kind for a patient since a moment (to avoid alerting twice)."""
        rows = self._index.table("alerts").search((_Q.patient_id == patient_id) & (_Q.kind == kind))
        found = [Alert.from_dict(dict(r)) for r in rows]
        found = [a for a in found if a.created_at >= since]
        return max(found, key=lambda a: a.created_at) if found else None

    def audit(self: _HasIndex, now: datetime, actor: int, action: str, subject: str, **details: Any) -> None:
        """Append to the audit log: who did what to whose data, never the data itself."""
        row = {"at": now.isoformat(), "actor": actor, "action": action, "subject": subject, **details}
        self._audit.append(row)

    def audit_log(self: _HasIndex) -> list[dict[str, Any]]:
        """The whole audit log, oldest first (tests; `iop-bot audit` streams it from the files)."""
        return list(audit_log.rows(self.data_dir, self._codec))

    def record_erasure(self: _HasIndex, patient_id: str, now: datetime) -> None:
        """Remember a patient's latest retention erasure, so retention never has to read the audit log."""
        row = {"patient_id": patient_id, "at": now.isoformat()}
        upsert(self._index.table("erasures"), row, _Q.patient_id == patient_id)

    def erasures(self: _HasIndex) -> dict[str, datetime]:
        """The latest retention erasure of each patient erased at least once."""
        return {
            str(r["patient_id"]): datetime.fromisoformat(str(r["at"]))
            for r in self._index.table("erasures").all()
        }
