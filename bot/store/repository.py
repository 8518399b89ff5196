"""The repository: intention-named reads and writes over small, durable files.

Layout under the data dir (data format 4): ``index.json`` (counselors, open invitations, sessions: small,
not growing with the program's history), ``patients.log`` (patients' profiles, one appended line a change),
``alerts.json`` (open alerts), ``alerts-closed.log`` (alerts closed lately), ``audit/`` (the append-only audit log),
``patients/<patient_id>.json`` (one small shard per patient) and ``patients/<patient_id>.checkins.log`` (their
check-ins, appended: recording one costs the same however long their history). Only the store worker thread
may call these methods.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from bot.domain.enrollment import alias_match, invited, returned
from bot.domain.models import Counselor, EnrollmentCode, Language, Patient
from bot.store.alert_data import AlertData, settle_closed
from bot.store.audit_log import AuditLog, Checked
from bot.store.digest_data import DigestData
from bot.store.enrollment_data import EnrollmentData
from bot.store.inbox import Inbox
from bot.store.kept_data import KeptData
from bot.store.keyed_log import KeyedLog
from bot.store.measure_data import MeasureData
from bot.store.message_data import MessageData
from bot.store.migrate import CLOSED_ALERTS, DATA_FORMAT, meta_table, stored_format
from bot.store.patient_data import CopingData, FlagData, PatientData, put_state
from bot.store.pin_data import PinData
from bot.store.practice_data import PracticeData
from bot.store.privacy_data import PrivacyData
from bot.store.progress_data import ProgressData
from bot.store.reach_data import ReachData
from bot.store.roster_data import RosterData
from bot.store.safety_plan_data import SafetyPlanData
from bot.store.session_data import SessionData
from bot.store.storage import Codec, DataRefusedError, RecordsUnavailable, one_write, open_db

_Q = Query()
log = logging.getLogger(__name__)
PATIENTS_LOG = "patients.log"
ALERTS_FILE = "alerts.json"
ENROLLED_WITH = "enrolled_with"  # a new patient's line names its code until the index says it is used


class AliasTaken(ValueError):
    """Another patient or open invitation already uses this alias."""


class Repository(
    EnrollmentData,
    AlertData,
    SessionData,
    PrivacyData,
    PatientData,
    CopingData,
    FlagData,
    PracticeData,
    SafetyPlanData,
    PinData,
    ProgressData,
    DigestData,
    MeasureData,
    MessageData,
    RosterData,
    ReachData,
    KeptData,
):
    """All storage access; other modules never touch TinyDB."""

    def __init__(
        self,
        data_dir: Path,
        *,
        codec: Codec | None = None,
        unreadable: Mapping[str, str] | None = None,
        audit_checked: Checked | None = None,
    ) -> None:
        self.data_dir = data_dir
        self._codec = codec
        self._index = open_db(data_dir / "index.json", codec=codec)
        self._stamp_format()
        self._audit = AuditLog(data_dir, codec, checked=audit_checked)  # start-up's preflight checked it
        # Its own file: every alert rewrites it, and it holds only what is open; closed ones are appended.
        self._alerts = open_db(data_dir / ALERTS_FILE, codec=codec)
        self._closed = KeyedLog(data_dir / CLOSED_ALERTS, codec)
        settle_closed(self._alerts, self._closed)
        self._shards: dict[str, TinyDB] = {}
        self._checkin_logs: dict[str, KeyedLog] = {}
        # Patients whose file did not open (start-up's check, or a later open): never read as empty.
        self.unreadable: dict[str, str] = dict(unreadable or {})
        # A file of its own: written once per update, so it must not be the big index.
        self.inbox = Inbox(data_dir / "inbox.log", codec=codec)
        for old in ("updates.log", "updates.json"):  # update-id claims of earlier versions
            (data_dir / old).unlink(missing_ok=True)
        # Profiles are read whole at start-up and changed one line at a time (keyed_log.py); lookups on
        # every update must not scan anything, so keep maps in memory.
        self._people = KeyedLog(data_dir / PATIENTS_LOG, codec)
        self._patients: dict[str, Patient] = {k: Patient.from_dict(v) for k, v in self._people.rows.items()}
        self._by_telegram = {p.telegram_id: p.patient_id for p in self._patients.values()}
        self._finish_enrollments()
        self.finish_reassignments()  # one a crash cut after its journal row (roster_data.py)

    def mark_unreadable(self, found: Mapping[str, str]) -> list[str]:
        """Patients a background check found unreadable (not yet opened): refused from now on; returns them."""
        fresh = [pid for pid in found if pid not in self.unreadable and pid not in self._shards]
        self.unreadable.update({pid: found[pid] for pid in fresh})
        return fresh

    def close(self) -> None:
        """Close every open file."""
        for db in self._shards.values():
            db.close()
        for one in self._checkin_logs.values():
            one.close()
        self.inbox.close()
        self._people.close()
        self._alerts.close()
        self._closed.close()
        self._audit.close()
        self._index.close()

    def _stamp_format(self) -> None:
        """A new index says which format it is in; an older one must have been upgraded (migrate.upgrade)."""
        found = stored_format(self._index.storage.read())
        if not self._index.tables():
            self._index.table("meta").insert(meta_table()["1"])
        elif found != DATA_FORMAT:
            raise DataRefusedError(
                f"{self.data_dir} is in data format {found}, not {DATA_FORMAT}: start-up upgrades it"
            )

    # Counselors ------------------------------------------------------------------------------

    def counselor(self, telegram_id: int) -> Counselor | None:
        """The counselor with this Telegram id, if any."""
        row = self._index.table("counselors").get(_Q.telegram_id == telegram_id)
        return Counselor.from_dict(dict(row)) if row else None

    def counselors(self) -> list[Counselor]:
        """Every registered counselor."""
        return [Counselor.from_dict(dict(r)) for r in self._index.table("counselors").all()]

    # Enrollment ------------------------------------------------------------------------------

    def alias_in_use(self, alias: str) -> bool:
        """True when a patient or an open invitation has this alias (case-insensitive)."""
        key = alias.casefold()
        if any(p.alias.casefold() == key for p in self._patients.values()):
            return True
        return any(
            str(r["alias"]).casefold() == key and not r.get("used_at")
            for r in self._index.table("codes").all()
        )

    def add_code(self, code: EnrollmentCode) -> None:
        """Store a new invitation; raises AliasTaken if the alias is in use."""
        if self.alias_in_use(code.alias):
            raise AliasTaken(code.alias)
        self._index.table("codes").insert(code.to_dict())

    def code(self, code_hash: str) -> EnrollmentCode | None:
        """The invitation with this code hash, if any."""
        row = self._index.table("codes").get(_Q.code_hash == code_hash)
        return EnrollmentCode.from_dict(dict(row)) if row else None

    def open_codes(self) -> list[EnrollmentCode]:
        """Invitations not yet used (expired ones included, so they can be listed)."""
        codes = map(EnrollmentCode.from_dict, map(dict, self._index.table("codes").all()))
        return [c for c in codes if c.used_at is None]

    def enroll(
        self, code: EnrollmentCode, telegram_id: int, now: datetime, language: Language = "en"
    ) -> Patient:
        """Create the patient for a used invitation; idempotent for the same Telegram user."""
        existing = self.patient_by_telegram(telegram_id)
        if existing is not None:
            return existing
        former = self.withdrawn_patient(telegram_id)
        if former is not None:  # back after /stop: their own record again (bot/domain/enrollment.py)
            back = returned(former, code, now, language)
            self._people.put({back.patient_id: {**back.to_dict(), ENROLLED_WITH: code.code_hash}})
            self._patients[back.patient_id] = back
            self.set_pending_input(back.patient_id, None)  # nothing half-done from before /stop
            self._use_code(code.code_hash, back.patient_id, now, telegram_id)
            return back
        patient = Patient(
            patient_id="p" + secrets.token_hex(6),
            telegram_id=telegram_id,
            alias=code.alias,
            counselor_id=code.counselor_id,
            cohort=code.cohort,
            enrolled_at=now,
            consent_at=now,
            language=language,
        )
        # The patient first, naming the code: a crash before the index write below is finished at the
        # next start (_finish_enrollments), so the code is never left usable by someone else.
        self._people.put({patient.patient_id: {**patient.to_dict(), ENROLLED_WITH: code.code_hash}})
        self._patients[patient.patient_id] = patient
        self._by_telegram[patient.telegram_id] = patient.patient_id
        self._use_code(code.code_hash, patient.patient_id, now, telegram_id)
        return patient

    def _use_code(self, code_hash: str, patient_id: str, now: datetime, telegram_id: int) -> None:
        """Mark the code used and give its sessions to the patient, in one index write.

        Used codes past their expiry go in the same write: nothing looks them up any more, and the index
        stays the size of what is open rather than of every enrollment ever.
        """
        with one_write(self._index):
            self._claim_invited_sessions(code_hash, patient_id)
            self._index.table("codes").update({"used_at": now.isoformat()}, _Q.code_hash == code_hash)
            self._index.table("codes").remove(
                (_Q.used_at != None) & (_Q.expires_at < now.isoformat()) & (_Q.code_hash != code_hash)  # noqa: E711
            )
            self._index.table("code_attempts").remove(_Q.user == telegram_id)

    def _finish_enrollments(self) -> None:
        """Enrollments a crash cut between the patient's line and the index's write are finished now."""
        marked = {str(r[ENROLLED_WITH]): pid for pid, r in self._people.rows.items() if r.get(ENROLLED_WITH)}
        if not marked:
            return
        for code in self.open_codes():
            if (pid := marked.get(code.code_hash)) is not None:
                patient = self._patients[pid]
                self._use_code(code.code_hash, pid, patient.enrolled_at, patient.telegram_id)

    def _claim_invited_sessions(self, code_hash: str, patient_id: str) -> None:
        """Individual sessions booked for the invitation become the new patient's."""
        self._index.table("sessions").update({"patient_id": patient_id}, _Q.patient_id == invited(code_hash))

    # Patients --------------------------------------------------------------------------------

    def save_patient(self, patient: Patient) -> None:
        """Insert or update a patient's profile: one line appended, whatever the program holds."""
        self._people.put({patient.patient_id: patient.to_dict()})
        self._patients[patient.patient_id] = patient
        self._by_telegram[patient.telegram_id] = patient.patient_id

    def patient(self, patient_id: str) -> Patient | None:
        """The patient with this id, if any."""
        return self._patients.get(patient_id)

    def patient_by_telegram(self, telegram_id: int) -> Patient | None:
        """The patient using this Telegram account, if any."""
        pid = self._by_telegram.get(telegram_id)
        patient = self._patients.get(pid) if pid else None
        # After /stop they are a stranger again: nothing new may be stored about them.
        return None if patient is None or patient.status == "withdrawn" else patient

    def withdrawn_patient(self, telegram_id: int) -> Patient | None:
        """The record of someone who withdrew (/stop): only so crisis words can still reach their counselor."""
        pid = self._by_telegram.get(telegram_id)
        patient = self._patients.get(pid) if pid else None
        return patient if patient is not None and patient.status == "withdrawn" else None

    def patient_by_alias(self, alias: str) -> Patient | None:
        """The patient with this alias (case-insensitive; typed without its accents, when only one reads so)."""
        found = alias_match([p.alias for p in self._patients.values()], alias)
        return next((p for p in self._patients.values() if p.alias == found), None)

    def patients(self, *, counselor_id: int | None = None) -> list[Patient]:
        """All patients, or one counselor's caseload, ordered by alias."""
        found = [p for p in self._patients.values() if counselor_id in (None, p.counselor_id)]
        return sorted(found, key=lambda p: p.alias.casefold())

    # Per-patient conversation state ----------------------------------------------------------

    def pending_input(self, patient_id: str) -> dict[str, Any] | None:
        """What free text the bot is waiting for from this patient, if anything."""
        row = self._shard(patient_id).table("state").get(doc_id=1)
        return dict(row["pending"]) if row and row.get("pending") else None

    def set_pending_input(self, patient_id: str, pending: dict[str, Any] | None) -> None:
        """Remember (or forget, with None) what free text the bot is waiting for."""
        put_state(self._shard(patient_id), 1, {"pending": pending})

    def _shard(self, patient_id: str, *, keep_open: bool = True) -> TinyDB:
        db = self._shards.get(patient_id)
        if db is None:
            if not patient_id.isalnum():
                raise ValueError(f"bad patient id {patient_id!r}")
            if patient_id in self.unreadable:
                raise RecordsUnavailable(patient_id, self.unreadable[patient_id])
            try:
                db = open_db(self.data_dir / "patients" / f"{patient_id}.json", codec=self._codec)
            except DataRefusedError as exc:
                self.unreadable[patient_id] = str(exc)
                log.error("patient %s: their file is refused (%s); never read as empty", patient_id, exc)
                raise RecordsUnavailable(patient_id, str(exc)) from None
            if keep_open:  # memory holds the patients in care, not a whole cohort read once for an export
                self._shards[patient_id] = db
        return db
