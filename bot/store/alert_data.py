"""The alert outbox and the audit log (audit_log.py).

Open alerts live in ``alerts.json``, rewritten on each change: it holds only what is open, so its cost does
not grow with a program's history. An alert leaves it the moment it is closed, for ``alerts-closed.log``
(keyed_log.py: one appended line a change), where it stays ARCHIVE_AFTER for /alerts, the repeat checks and
/mydata, then goes to the audit log (what, whose, when; never the words).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from tinydb import Query, TinyDB

from bot.domain.alert_clock import put_right
from bot.domain.escalation import Alert
from bot.store import audit_log, moved
from bot.store.audit_log import AuditLog
from bot.store.keyed_log import KeyedLog
from bot.store.storage import Codec, upsert

_Q = Query()
log = logging.getLogger(__name__)
ARCHIVE_AFTER = timedelta(days=30)  # closed alerts stay this long for /alerts and the repeat checks


class AlertNotStored(OSError):
    """The outbox refused a new alert after its ``alert_raised`` row went on the audit log (its append is small and
    often fits a disk the outbox rewrite does not): stored late, it is not raised on the record twice (O5)."""


class _HasIndex(Protocol):
    _index: TinyDB
    _alerts: TinyDB
    _closed: KeyedLog
    _people: KeyedLog
    _audit: AuditLog
    data_dir: Path
    _codec: Codec | None


def settle_closed(alerts: TinyDB, closed: KeyedLog) -> None:
    """Finish moves a crash cut between the closed copy's line and the open file's rewrite (start-up)."""
    if moved := [r.doc_id for r in alerts.table("alerts").all() if r["alert_id"] in closed.rows]:
        alerts.table("alerts").remove(doc_ids=moved)


class AlertData:
    """Mixin for the repository: urgent alerts open until acknowledged, and who saw what."""

    def add_alert(self: _HasIndex, alert: Alert) -> None:
        """Put a new alert in the outbox (audit-logged: its id and kind, never its words)."""
        # With the server clock known off Telegram's by more than the limit: by how much (ops O69).
        off = {"clock_ahead_s": round(alert.clock_ahead)} if alert.clock_ahead else {}
        AlertData.audit(
            self,
            alert.created_at,
            0,
            "alert_raised",
            alert.patient_id,
            alert=alert.alert_id,
            kind=alert.kind,
            **off,
        )
        try:
            if alert.acked_at is not None:
                AlertData.save_alert(self, alert)
                return
            self._alerts.table("alerts").insert(alert.to_dict())
        except OSError as exc:
            raise AlertNotStored(exc.errno, exc.strerror) from exc

    def add_alert_late(self: _HasIndex, alert: Alert, now: datetime, audited: set[str]) -> None:
        """An alert sent while the store refused writes, put on the record when it takes them: raised and
        sent at their own times, and when it was stored, in this one store call. ``audited``: the rows on the
        audit log already ("raised" for AlertNotStored, "sent:<to>" from a try the outbox refused after them),
        kept up to date here, so that each goes on the record once however many tries it takes (ops O117)."""
        ids = {"alert": alert.alert_id, "kind": alert.kind}
        rows: list[tuple[str, datetime, str, dict[str, int]]] = [
            ("raised", alert.created_at, "alert_raised", {})
        ]
        rows += [
            (f"sent:{d.to}:{d.round}", d.at, "alert_sent", {"round": d.round, "to": d.to})
            for d in alert.deliveries
        ]
        for key, at, action, more in rows:
            if key not in audited:
                AlertData.audit(self, at, 0, action, alert.patient_id, **ids, **more)
                audited.add(key)  # an append either takes the whole row or none of it
        # The row before the alert_stored_late line: a write refused after it would store the alert twice.
        self._alerts.table("alerts").insert(alert.to_dict())
        try:
            AlertData.audit(self, now, 0, "alert_stored_late", alert.patient_id, **ids)
        except OSError as exc:
            # Stored all the same (it escalates from now on): the ERROR says which row is missing.
            log.error("alert %s stored late without its alert_stored_late row: %s", alert.alert_id, exc)

    def save_alert(self: _HasIndex, alert: Alert) -> None:
        """Store an alert's new state (deliveries, acknowledgement).

        A closed alert is one line appended to the closed alerts' log first, then leaves the open file (a
        crash between the two is finished at start-up: `settle_closed`). Alerts closed more than
        ARCHIVE_AFTER before it leave that log in the same line, audit-logged first.
        """
        table = self._alerts.table("alerts")
        if alert.acked_at is None:
            upsert(table, alert.to_dict(), _Q.alert_id == alert.alert_id)
            return
        cutoff = (alert.acked_at - ARCHIVE_AFTER).isoformat()
        done = [r for r in self._closed.rows.values() if str(r["acked_at"]) < cutoff]
        for row in done:  # on the record before they leave the log: twice beats never
            self._audit.append(
                {
                    "at": alert.acked_at.isoformat(), "actor": 0, "action": "alert_archived",
                    "subject": row["patient_id"], "alert": row["alert_id"], "kind": row["kind"],
                    "raised_at": row["created_at"], "closed_at": row["acked_at"], "closed_by": row.get("acked_by"),
                }
            )  # fmt: skip
        self._closed.put({alert.alert_id: alert.to_dict(), **{str(r["alert_id"]): None for r in done}})
        if table.contains(_Q.alert_id == alert.alert_id):
            table.remove(_Q.alert_id == alert.alert_id)

    def put_alert_times_right(self: _HasIndex, now: datetime) -> list[str]:
        """Open alerts raised while this server's clock was off, their times put right now that it agrees with
        Telegram's again (bot/domain/alert_clock.py), each on the audit log; returns their ids."""
        wrong = [a for a in AlertData.open_alerts(self) if a.clock_ahead]
        for alert in wrong:
            by = round(alert.clock_ahead)
            AlertData.audit(
                self, now, 0, "alert_time_corrected", alert.patient_id, alert=alert.alert_id, by_s=by
            )
            AlertData.change_alert(self, alert.alert_id, lambda a: put_right(a, now))
        return [a.alert_id for a in wrong]

    def change_alert(
        self: _HasIndex, alert_id: str, change: Callable[[Alert], Alert], now: datetime | None = None
    ) -> Alert | None:
        """Apply ``change`` to the alert as stored now, in this one store call, and save it (``now``: when the
        bot learned what the change says, for rows that would otherwise take an old round's time: ops O134).

        A sweep holds its copy while it sends (seconds, on a slow network); saving that copy whole would undo
        an acknowledgement made in the meantime, and the alert would escalate again. None if it is gone.
        """
        current = AlertData.alert(self, alert_id)
        if current is None:
            return None
        changed = change(current)
        if changed != current:
            _audit_change(self, current, changed, now)
            AlertData.save_alert(self, changed)
        return changed

    def give_alerts(self: _HasIndex, from_id: str, to_id: str, now: datetime) -> list[str]:
        """Alerts kept for an invitation (crisis words before "I agree") become the new patient's, open and
        closed alike: on their page, and what they write next follows them (bot/domain/follow.py)."""
        table = self._alerts.table("alerts")
        ids = [str(r["alert_id"]) for r in table.search(_Q.patient_id == from_id)]
        table.update({"patient_id": to_id}, _Q.patient_id == from_id)
        closed = {
            k: {**r, "patient_id": to_id} for k, r in self._closed.rows.items() if r["patient_id"] == from_id
        }
        if closed:
            self._closed.put(closed)
        ids += list(closed)
        if ids:
            AlertData.audit(self, now, 0, "alerts_joined_record", to_id, alerts=ids)
        return ids

    def alert(self: _HasIndex, alert_id: str) -> Alert | None:
        """One alert by its opaque id, open or closed lately."""
        row = self._alerts.table("alerts").get(_Q.alert_id == alert_id)
        found = dict(row) if isinstance(row, dict) else self._closed.rows.get(alert_id)
        return Alert.from_dict(dict(found)) if found is not None else None

    def open_alerts(self: _HasIndex) -> list[Alert]:
        """Alerts nobody has acknowledged yet, oldest first."""
        rows = self._alerts.table("alerts").search(_Q.acked_at == None)  # noqa: E711 (TinyDB query)
        return sorted((Alert.from_dict(dict(r)) for r in rows), key=lambda a: a.created_at)

    def held_ids(self: _HasIndex) -> tuple[set[str], set[str]]:
        """The alerts the two alert files hold (open or closed lately) and the patients ``patients.log`` holds, to
        set against the audit log's rows (bot/store/rollback.py, ops O142)."""
        alerts = {str(r["alert_id"]) for r in self._alerts.table("alerts").all()} | set(self._closed.rows)
        return alerts, set(self._people.rows)

    def patient_alerts(self: _HasIndex, patient_id: str) -> list[dict[str, Any]]:
        """A patient's alerts as stored, open and closed lately (for /mydata and the repeat checks)."""
        rows = [dict(r) for r in self._alerts.table("alerts").search(_Q.patient_id == patient_id)]
        rows += [dict(r) for r in self._closed.rows.values() if r["patient_id"] == patient_id]
        return sorted(rows, key=lambda r: str(r["created_at"]))

    def acknowledged_since(self: _HasIndex, since: datetime) -> list[Alert]:
        """Urgent alerts acknowledged since a moment, every patient's (the caseload reads them once)."""
        found = (Alert.from_dict(dict(r)) for r in self._closed.rows.values() if r.get("acked_at"))
        return [a for a in found if a.urgent and a.acked_at is not None and a.acked_at >= since]

    def recent_alert(self: _HasIndex, patient_id: str, kind: str, since: datetime) -> Alert | None:
        """The latest alert of a kind for a patient since a moment (to avoid alerting twice)."""
        rows = AlertData.patient_alerts(self, patient_id)
        found = [Alert.from_dict(r) for r in rows if r["kind"] == kind]
        found = [a for a in found if a.created_at >= since]
        return max(found, key=lambda a: a.created_at) if found else None

    def audit(self: _HasIndex, now: datetime, actor: int, action: str, subject: str, **details: Any) -> None:
        """Append to the audit log: who did what to whose data, never the data itself; written while handling a
        person's message a minute or more after they wrote it, also when they did (ops O85)."""
        acted = moved.ACTED.get()
        if acted is not None and now - acted >= moved.ACTED_SHOWN:
            details = {"acted_at": acted.isoformat(), **details}
        row = {"at": now.isoformat(), "actor": actor, "action": action, "subject": subject, **details}
        self._audit.append(row)

    def audit_clock_off(self: _HasIndex, seconds: int) -> None:
        """Mark every audit row from now on as written on a clock ``seconds`` off Telegram's (0: it agrees), so a
        records request reads a time two days ahead for what it is (ops O76). One attribute set: any thread."""
        self._audit.clock_off_s = seconds

    def audit_troubles(self: _HasIndex) -> list[str]:
        """What went wrong with the audit log's files while the bot ran (bot/store/audit_guard.py, ops O122)."""
        return list(self._audit.troubles)

    def audit_log(self: _HasIndex) -> list[dict[str, Any]]:
        """The whole audit log, oldest first (tests; `iop-bot audit` streams it from the files)."""
        return list(audit_log.rows(self.data_dir, self._codec))

    def record_erasure(
        self: _HasIndex, patient_id: str, now: datetime, *, by_patient: bool = False, how: str = ""
    ) -> None:
        """Remember a patient's latest erasure, so retention never has to read the audit log; one the patient
        asked for (/delete) is kept apart too, for their counselor's screens (newcomer6 finding 21); ``how``
        another was made ("retention", "program"), for the caseload, export and record (newcomer14 N116)."""
        row = {"patient_id": patient_id, "at": now.isoformat(), "how": "/delete" if by_patient else how}
        if by_patient:
            row["deleted_at"] = now.isoformat()
        upsert(self._index.table("erasures"), row, _Q.patient_id == patient_id)

    def deleted_by_patient(self: _HasIndex, patient_id: str) -> datetime | None:
        """When the patient last erased their own data with /delete, or None."""
        rows = self._index.table("erasures").search(_Q.patient_id == patient_id)
        at = rows[0].get("deleted_at") if rows else None
        return datetime.fromisoformat(str(at)) if at else None

    def erasure_of(self: _HasIndex, patient_id: str) -> tuple[datetime, str] | None:
        """The patient's latest erasure and who made it ("/delete", "retention", "program"; "" when not kept)."""
        rows = self._index.table("erasures").search(_Q.patient_id == patient_id)
        if not rows:
            return None
        how = "/delete" if rows[0].get("deleted_at") == rows[0]["at"] else str(rows[0].get("how", ""))
        return datetime.fromisoformat(str(rows[0]["at"])), how

    def erasures(self: _HasIndex) -> dict[str, datetime]:
        """The latest retention erasure of each patient erased at least once."""
        return {
            str(r["patient_id"]): datetime.fromisoformat(str(r["at"]))
            for r in self._index.table("erasures").all()
        }


def _audit_change(store: _HasIndex, before: Alert, after: Alert, now: datetime | None = None) -> None:
    """On the record, in the same store call: each delivery (round 0 sent, later rounds escalated, a copy asked
    for from a page opened), each recipient Telegram refused for good, and the acknowledgement. Ids, kinds and
    rounds; never the words."""
    ids = {"alert": after.alert_id, "kind": after.kind}
    for d in after.deliveries[len(before.deliveries) :]:
        if d.opened:  # asked for from a page: the person's view (newcomer12 N86: read as an escalation)
            AlertData.audit(store, d.at, d.to, "alert_opened", after.patient_id, **ids, round=d.round)
            continue
        if any(b.round == d.round and b.to == d.to and not b.opened for b in before.deliveries):
            continue  # listed again in a reminder of other alerts (newcomer12 N61: read as round 0 sent again)
        action = "alert_sent" if d.round == 0 else "alert_escalated"
        AlertData.audit(store, d.at, 0, action, after.patient_id, **ids, round=d.round, to=d.to)
    for who, why in after.unreachable[len(before.unreachable) :]:
        # Written when the bot learned it (ops O134: days later, rows took an old round's time, out of order and
        # contradicting that round's own rows); the round it concerns in its own field.
        last = after.deliveries[-1].at if after.deliveries else after.created_at
        at, round_at = (
            (now, {"round_at": last.isoformat()}) if now is not None and now != last else (last, {})
        )
        AlertData.audit(
            store, at, 0, "alert_unreachable", after.patient_id, **ids, to=who, why=why, **round_at
        )
    if before.patient_told_at is None and after.patient_told_at is not None:  # newcomer6 finding 32
        AlertData.audit(store, after.patient_told_at, 0, "alert_patient_told", after.patient_id, **ids)
    if before.patient_held_at is None and after.patient_held_at is not None:  # newcomer14 N112
        AlertData.audit(store, after.patient_held_at, 0, "alert_patient_not_told", after.patient_id, **ids)
    for at in after.again[len(before.again) :]:  # a "not safe" folded into this one (newcomer6 finding 22)
        AlertData.audit(store, at, 0, "alert_said_again", after.patient_id, **ids)
    if before.acked_at is None and after.acked_at is not None:
        by = after.acked_by or 0
        AlertData.audit(store, after.acked_at, by, "alert_acknowledged", after.patient_id, **ids)
