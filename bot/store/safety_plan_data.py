"""A patient's safety plan and their SOS "tell my counselor" taps, both in the patient's own shard.

In the shard, so the plan is encrypted at rest with everything else, exported by /mydata and
erased by /delete without any code of its own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from tinydb import Query, TinyDB
from tinydb.table import Document

from bot.domain.safety_plan import SECTIONS, SafetyPlan

_Q = Query()
_PLAN = 1  # the plan is one document with a fixed id: one write per edit, never two copies


class _HasShards(Protocol):
    def _shard(self, patient_id: str) -> TinyDB: ...


class SafetyPlanData:
    """Mixin for the repository: the Stanley–Brown safety plan and SOS taps."""

    def safety_plan(self: _HasShards, patient_id: str) -> SafetyPlan | None:
        """The patient's plan, or None when nothing has been written."""
        row = self._shard(patient_id).table("safety_plan").get(doc_id=_PLAN)
        plan = SafetyPlan.from_dict(dict(row)) if row else None
        return None if plan is None or plan.is_empty else plan

    def set_plan_section(
        self: _HasShards, patient_id: str, key: str, text: str | None, now: datetime
    ) -> None:
        """Write (or clear, with None or "") one section of the plan."""
        if key not in SECTIONS:
            raise ValueError(f"unknown safety plan section {key!r}")
        table = self._shard(patient_id).table("safety_plan")
        row = table.get(doc_id=_PLAN)
        old = SafetyPlan.from_dict(dict(row)) if row else SafetyPlan()
        sections = {k: v for k, v in old.sections.items() if k != key}
        if text:
            sections[key] = text
        values = SafetyPlan(sections, now).to_dict()
        if row is None:
            table.insert(Document(values, doc_id=_PLAN))
        else:
            table.update(values, doc_ids=[_PLAN])

    def claim_sos_tell(self: _HasShards, patient_id: str, token: str, now: datetime) -> bool:
        """Claim the "tell my counselor" of one SOS screen; False if it was already told."""
        table = self._shard(patient_id).table("sos_told")
        if table.contains(_Q.token == token):
            return False
        table.insert({"token": token, "at": now.isoformat()})
        return True

    def release_sos_tell(self: _HasShards, patient_id: str, token: str) -> None:
        """Undo a claim whose alert could not be stored, so the next tap tries again."""
        self._shard(patient_id).table("sos_told").remove(_Q.token == token)
