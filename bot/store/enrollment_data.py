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

from bot.domain.enrollment import CodeProblem, code_problem, invited
from bot.domain.models import EnrollmentCode, Language, Patient
from bot.store.storage import one_write, upsert

_Q = Query()


class _Store(Protocol):
    _index: TinyDB

    def code(self, code_hash: str) -> EnrollmentCode | None: ...

    def patient_by_telegram(self, telegram_id: int) -> Patient | None: ...

    def patient(self, patient_id: str) -> Patient | None: ...

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
        patient = self.enroll(code, telegram_id, now, language)
        self.audit(now, telegram_id, "consent_given", patient.patient_id)  # they pressed "I agree"
        self.give_alerts(invited(code.code_hash), patient.patient_id, now)  # crisis words before it
        return patient
