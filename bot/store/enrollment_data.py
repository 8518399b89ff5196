"""Enrollment codes checked and used in one store call, with wrong tries counted on disk.

The store worker runs one call at a time, so checking a code and using it inside one call means two
people pressing "I agree" at once cannot both pass the check. Wrong tries are kept per Telegram user
in the (encrypted) index for the attempt window only, so the limit holds across restarts and for every
way a code arrives: typed, ``/start CODE``, or a forged consent button.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from tinydb import Query, TinyDB

from bot.domain.enrollment import CodeProblem, alias_match, code_problem, invited
from bot.domain.models import EnrollmentCode, Language, Patient
from bot.store.storage import one_write, upsert

_Q = Query()


class _Store(Protocol):
    _index: TinyDB

    def code(self, code_hash: str) -> EnrollmentCode | None: ...

    def patient_by_telegram(self, telegram_id: int) -> Patient | None: ...

    def patient(self, patient_id: str) -> Patient | None: ...

    def withdrawn_patient(self, telegram_id: int) -> Patient | None: ...

    def audit(self, now: datetime, actor: int, action: str, subject: str, **details: object) -> None: ...

    def give_alerts(self, from_id: str, to_id: str, now: datetime) -> list[str]: ...

    def enroll(
        self, code: EnrollmentCode, telegram_id: int, now: datetime, language: Language = "en"
    ) -> Patient: ...


class EnrollmentData:
    """Mixin for the repository: the code limiter and the atomic enrollment."""

    def alias_of(self: _Store, patient_id: str) -> str | None:
        """A patient's alias, or for an invitation not used yet (an alert before "I agree") its alias."""
        if patient_id.startswith(invited("")):
            code = self.code(patient_id.removeprefix(invited("")))
            return code.alias if code is not None else None
        patient = self.patient(patient_id)
        return patient.alias if patient is not None else None

    def former_aliases(self: _Store, patient_id: str) -> list[tuple[str, datetime]]:
        """The aliases a patient had before coming back under a new one, each with when it ended, oldest first."""
        rows = self._index.table("former_aliases").search(_Q.patient_id == patient_id)
        found = [(str(r["alias"]), datetime.fromisoformat(str(r["until"]))) for r in rows]
        return sorted(found, key=lambda x: x[1])

    def patient_by_former_alias(self: _Store, alias: str) -> tuple[Patient, datetime] | None:
        """The patient who had this alias until they came back under another, and when it ended (N114)."""
        rows = self._index.table("former_aliases").all()
        found = alias_match([str(r["alias"]) for r in rows], alias)
        row = max((r for r in rows if r["alias"] == found), key=lambda r: str(r["until"]), default=None)
        patient = self.patient(str(row["patient_id"])) if row is not None else None
        return (patient, datetime.fromisoformat(str(row["until"]))) if patient and row else None

    def check_code(
        self: _Store, telegram_id: int, code_hash: str | None, now: datetime, limit: int, window: timedelta
    ) -> CodeProblem | None:
        """Why this user cannot use this code now (BLOCKED while over the limit), or None; counts wrong tries."""
        table = self._index.table("code_attempts")
        row = table.get(_Q.user == telegram_id)
        earlier: list[str] = list(row["at"]) if row else []
        tries = [t for t in earlier if now - datetime.fromisoformat(t) < window]
        if len(tries) >= limit:
            return CodeProblem.BLOCKED
        code = self.code(code_hash) if code_hash else None
        problem = code_problem(code, now)
        if problem is not None:
            cutoff = (now - window).isoformat()
            with one_write(self._index):
                # Forget everyone's expired tries in the same write, so the table stays small.
                table.remove(lambda doc: all(t <= cutoff for t in doc.get("at", [])))
                upsert(table, {"user": telegram_id, "at": [*tries, now.isoformat()]}, _Q.user == telegram_id)
        elif row is not None:
            table.remove(_Q.user == telegram_id)
        return problem

    def enroll_with_code(
        self: _Store,
        telegram_id: int,
        code_hash: str | None,
        now: datetime,
        limit: int,
        window: timedelta,
        language: Language = "en",
    ) -> Patient | CodeProblem:
        """Check the code and enroll with it in one store call: a code enrolls one person, ever (in the
        language their Telegram app reported, until they choose)."""
        existing = self.patient_by_telegram(telegram_id)
        if existing is not None:
            return existing
        problem = EnrollmentData.check_code(self, telegram_id, code_hash, now, limit, window)
        if problem is not None:
            return problem
        code = self.code(code_hash) if code_hash else None
        assert code is not None  # check_code found it open
        former = self.withdrawn_patient(telegram_id)
        patient = self.enroll(code, telegram_id, now, language)
        # Back after /stop under a new alias: the old one stays findable, and the rows from then read it
        # (newcomer14 N114: export and audit knew only the new alias, and showed past rows under it).
        was = {}
        if former is not None and former.alias != patient.alias:
            was = {"alias_before": former.alias}
            row = {"patient_id": patient.patient_id, "alias": former.alias, "until": now.isoformat()}
            self._index.table("former_aliases").insert(row)
        self.audit(now, telegram_id, "consent_given", patient.patient_id, **was)  # they pressed "I agree"
        self.give_alerts(invited(code.code_hash), patient.patient_id, now)  # crisis words before it
        return patient
