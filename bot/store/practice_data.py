"""Skill walk-throughs and practice settings (patient shard), and each cohort's skill focus (index)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any, Literal, Protocol

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from bot.domain.coping import Feedback
from bot.domain.models import Patient
from bot.store.storage import upsert

_Q = Query()
Outcome = Literal["ok", "moved", "done", "gone"]
# Fixed doc id in the shard's "practice" table: the walk-through in progress.
_RUN = 1


class _Store(Protocol):
    _index: TinyDB

    def _shard(self, patient_id: str) -> TinyDB: ...

    def patient(self, patient_id: str) -> Patient | None: ...

    def save_patient(self, patient: Patient) -> None: ...


class PracticeData:
    """Mixin for the repository: coping-skill walk-throughs, skill of the day, cohort focus."""

    def practice_run(self: _Store, patient_id: str) -> dict[str, Any] | None:
        """The walk-through in progress, if any."""
        row = _table(self, patient_id).get(doc_id=_RUN)
        return dict(row["run"]) if row and row.get("run") else None

    def start_practice(self: _Store, patient_id: str, run: dict[str, Any]) -> bool:
        """Begin a walk-through (replacing any other); False if this source message already started it."""
        table = _table(self, patient_id)
        row = table.get(doc_id=_RUN)
        current = row.get("run") if row else None
        if run.get("source") is not None and current and current.get("source") == run["source"]:
            return False
        _put(table, _RUN, {"run": run})
        return True

    def step_practice(
        self: _Store,
        patient_id: str,
        run_id: str,
        step: int,
        new: dict[str, Any] | None,
        feedback: Feedback | None = None,
    ) -> Outcome:
        """Move the run on only if it is still at `step` (so double taps act once); None ends it.

        "moved": the run went on already; "done": it ended already; "gone": another run replaced it.
        """
        table = _table(self, patient_id)
        row = table.get(doc_id=_RUN)
        current = dict(row["run"]) if row and row.get("run") else None
        if current is None or current.get("run_id") != run_id:
            return "done" if row and row.get("last_done") == run_id else "gone"
        if int(current.get("step", 0)) != step:
            return "moved"
        if feedback is not None:
            # Keyed by run: if a crash hits before the run is closed, the retried tap adds nothing.
            done = self._shard(patient_id).table("feedback")
            if not done.contains(_Q.run == run_id):
                done.insert(
                    {
                        "skill_key": feedback.skill_key,
                        "helped": feedback.helped,
                        "at": feedback.at.isoformat(),
                        "run": run_id,
                    }
                )
        last_done = run_id if new is None else row.get("last_done") if row else None
        _put(table, _RUN, {"run": new, "last_done": last_done})
        return "ok"

    def close_practice(self: _Store, patient_id: str) -> bool:
        """End the walk-through in progress without feedback (/cancel); True if there was one."""
        table = _table(self, patient_id)
        row = table.get(doc_id=_RUN)
        if not row or not row.get("run"):
            return False
        _put(table, _RUN, {"run": None, "last_done": row["run"].get("run_id")})
        return True

    # The practice time lives on the patient record, not in the shard: start-up plans every
    # patient's pushes from the index alone instead of opening 10,000 shards.
    def practice_time(self: _Store, patient_id: str) -> time | None:
        """The local time of the daily skill-of-the-day prompt, or None when off."""
        patient = self.patient(patient_id)
        return patient.practice_time if patient else None

    def set_practice_time(self: _Store, patient_id: str, at: time | None) -> None:
        """Turn the daily prompt on at a local time, or off with None."""
        patient = self.patient(patient_id)
        if patient is not None:
            self.save_patient(patient.with_changes(practice_time=at))

    def set_cohort_focus(self: _Store, cohort: str, skill_key: str | None, now: datetime) -> None:
        """Make one skill the cohort's current practice focus, or clear it with None."""
        table = self._index.table("cohort_focus")
        if skill_key is None:
            table.remove(_Q.cohort == cohort)
        else:
            upsert(table, {"cohort": cohort, "skill": skill_key, "at": now.isoformat()}, _Q.cohort == cohort)

    def cohort_focus(self: _Store, cohort: str) -> str | None:
        """The cohort's current skill focus, if a counselor set one."""
        row = self._index.table("cohort_focus").get(_Q.cohort == cohort)
        return str(row["skill"]) if isinstance(row, dict) else None


def _table(store: _Store, patient_id: str) -> Table:
    return store._shard(patient_id).table("practice")


def _put(table: Table, doc_id: int, values: dict[str, Any]) -> None:
    if table.get(doc_id=doc_id) is None:
        table.insert(Document(values, doc_id=doc_id))
    else:
        table.update(values, doc_ids=[doc_id])
