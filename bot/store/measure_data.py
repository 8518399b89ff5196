"""Weekly measures in the patient's shard: the sitting in progress and every finished result.

Results live in the shard, so /mydata hands them over and /delete erases them with the rest.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from bot.domain.instruments import Result
from bot.store import moved

_Q = Query()
Outcome = Literal["ok", "moved", "done", "gone"]
_DRAFT = 1  # fixed doc id in the shard's "measure_draft" table


class _HasShards(Protocol):
    def _shard(self, patient_id: str) -> TinyDB: ...


class MeasureData:
    """Mixin for the repository: questionnaires one item at a time, and their results."""

    def measure_draft(self: _HasShards, patient_id: str) -> dict[str, Any] | None:
        """The sitting in progress, if any."""
        row = _drafts(self, patient_id).get(doc_id=_DRAFT)
        return dict(row["draft"]) if row and row.get("draft") else None

    def start_measures(self: _HasShards, patient_id: str, draft: dict[str, Any]) -> None:
        """Begin a sitting, replacing any other."""
        _put(_drafts(self, patient_id), {"draft": draft})

    def step_measures(
        self: _HasShards,
        patient_id: str,
        run_id: str,
        at: tuple[int, int],
        new: dict[str, Any] | None,
        result: Result | None,
    ) -> Outcome:
        """Store one answer only if `at` (questionnaire index, item number) is still the current question.

        So a double tap acts once. "moved": that question was answered already; "done": the sitting
        ended; "gone": another sitting replaced it. A finished result is stored once per sitting.
        """
        table = _drafts(self, patient_id)
        row = table.get(doc_id=_DRAFT)
        current = dict(row["draft"]) if row and row.get("draft") else None
        if current is None or current.get("run_id") != run_id:
            return "done" if row and row.get("last_done") == run_id else "gone"
        if (int(current["index"]), len(current["answers"]) + 1) != at:
            return "moved"
        if result is not None:
            # Keyed by sitting and questionnaire: a retried tap after a crash adds nothing.
            results = self._shard(patient_id).table("measures")
            if not results.contains((_Q.run == run_id) & (_Q.instrument_id == result.instrument_id)):
                results.insert({**result.to_dict(), "run": run_id})
        _put(
            table,
            {"draft": new, "last_done": run_id if new is None else row.get("last_done") if row else None},
        )
        return "ok"

    def close_measures(self: _HasShards, patient_id: str) -> bool:
        """End the sitting in progress (Stop, /cancel); finished results stay. True if there was one."""
        table = _drafts(self, patient_id)
        row = table.get(doc_id=_DRAFT)
        if not row or not row.get("draft"):
            return False
        _put(table, {"draft": None, "last_done": row["draft"].get("run_id")})
        return True

    def measure_results(self: _HasShards, patient_id: str, run_id: str | None = None) -> list[Result]:
        """Finished questionnaires, oldest first; only one sitting's when `run_id` is given."""
        rows = self._shard(patient_id).table("measures").all()
        found = [Result.from_dict(r) for r in rows if run_id is None or r.get("run") == run_id]
        return sorted(found, key=lambda r: r.completed_at)


def _drafts(store: _HasShards, patient_id: str) -> Table:
    return store._shard(patient_id).table("measure_draft")


def _put(table: Table, values: dict[str, Any]) -> None:
    # With the update that moved it, in the same write: a replayed answer is not applied again (moved.py).
    row = table.get(doc_id=_DRAFT)
    values = moved.stamped(row if isinstance(row, dict) else None, values)
    if row is None:
        table.insert(Document(values, doc_id=_DRAFT))
    else:
        table.update(values, doc_ids=[_DRAFT])
