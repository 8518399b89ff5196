"""Per-patient records (check-ins, drafts, sent keys): each patient's own small shard file."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from tinydb import Query, TinyDB
from tinydb.table import Document

from bot.domain.checkins import CheckinConfig, Entry
from bot.domain.coping import Feedback
from bot.store import checkin_log, moved
from bot.store.flag_data import FlagData as FlagData  # re-exported: its own module since newcomer18 N181
from bot.store.keyed_log import KeyedLog
from bot.store.storage import Codec, DataRefusedError, RecordsUnavailable, one_write, set_aside_copies

_Q = Query()
log = logging.getLogger(__name__)
# One-time-send claims ("prompt:2026-11-23", a session's "<series>:2026-11-23") are only ever looked up for
# days near today, and the patient's file is rewritten with each draft save: dated claims more than
# CLAIM_DAYS before the newest one are dropped, in batches of PRUNE_BATCH so pruning rarely costs a write.
CLAIM_DAYS = timedelta(days=60)
PRUNE_BATCH = 30
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
OPEN_LOGS = 256  # check-in logs held open (any other is read again from its file when needed)


class _HasShards(Protocol):
    def _shard(self, patient_id: str, *, keep_open: bool = True) -> TinyDB: ...

    def _checkin_log(self, patient_id: str, *, keep_open: bool = True) -> KeyedLog: ...


class _Files(_HasShards, Protocol):
    data_dir: Path
    _codec: Codec | None
    _shards: dict[str, TinyDB]
    _checkin_logs: dict[str, KeyedLog]
    unreadable: dict[str, str]


class PatientData:
    """Mixin for the repository: what one patient's shard and check-in log hold."""

    @contextlib.contextmanager
    def patient_write(self: _HasShards, patient_id: str) -> Iterator[None]:
        """Every change to this patient's file inside the block reaches the disk at once, or none does.

        A check-in recorded inside goes to their check-in log first; if the file's write then fails, that
        line is cut off again, so the entry never stands without what came with it (its flags)."""
        entries = self._checkin_log(patient_id)
        mark = entries.mark()
        try:
            with one_write(self._shard(patient_id)):
                yield
        except BaseException:
            try:
                entries.undo(mark)
            except OSError as exc:  # the entry stays (on disk and in memory); a retry completes the rest
                log.error(
                    "patient %s: a check-in whose write failed could not be taken back: %s", patient_id, exc
                )
            raise

    def record_checkin(self: _HasShards, patient_id: str, entry: Entry, config: CheckinConfig) -> Entry:
        """Store a completed check-in (same-day policy applied; a replay changes nothing).

        One line appended to the patient's check-in log, on disk before this returns: inside
        `patient_write` it is written before the rest of the patient's file, so a crash between the two
        keeps the entry (with its draft still open, finishing it again is a replay that changes nothing).
        """
        return checkin_log.record(self._checkin_log(patient_id), entry, config)

    def checkins(self: _HasShards, patient_id: str, *, keep_open: bool = True) -> list[Entry]:
        """All of a patient's check-ins, oldest first (``keep_open=False``: an export's one-off read)."""
        return checkin_log.entries(self._checkin_log(patient_id, keep_open=keep_open))

    def _checkin_log(self: _Files, patient_id: str, *, keep_open: bool = True) -> KeyedLog:
        """The patient's check-in log (checkin_log.py), refused like their shard when it does not open."""
        found = self._checkin_logs.pop(patient_id, None)
        if found is not None:
            self._checkin_logs[patient_id] = found  # the most recently used last
            return found
        shard = self._shard(patient_id, keep_open=keep_open)  # their id checked, their file refused or not
        if checkin_log.TABLE in shard.tables():  # a file from before format 6 (restored from a backup, say)
            shard.close()
            self._shards.pop(patient_id, None)
            checkin_log.split_out(self.data_dir / "patients" / f"{patient_id}.json", self._codec)
        try:
            found = checkin_log.open_log(
                checkin_log.log_path(self.data_dir, patient_id),
                self._codec,
                _draft_id(shard),
                compact=keep_open,
            )
        except DataRefusedError as exc:
            self.unreadable[patient_id] = str(exc)
            log.error("patient %s: their check-ins are refused (%s); never read as empty", patient_id, exc)
            raise RecordsUnavailable(patient_id, str(exc)) from None
        if keep_open:
            self._checkin_logs[patient_id] = found
            if len(self._checkin_logs) > OPEN_LOGS:  # parsed rows weigh more than a file's text: keep a few
                self._checkin_logs.pop(next(iter(self._checkin_logs))).close()
        else:
            found.close()
        return found

    def checkin_file(self: _Files, patient_id: str) -> Path:
        """Where an export reads this patient's check-ins itself, off the store thread (checkin_log.py says
        why that is safe); raises RecordsUnavailable as `checkins` does. Reads only their small file here."""
        path = checkin_log.log_path(self.data_dir, patient_id)
        if patient_id not in self._checkin_logs:
            shard = self._shard(patient_id, keep_open=False)
            if checkin_log.TABLE in shard.tables():
                PatientData._checkin_log(self, patient_id, keep_open=False)  # a file from before format 6
            else:
                checkin_log.settle(path, self._codec, _draft_id(shard))
        return path

    def checkins_set_aside(self: _Files, patient_id: str) -> list[Path]:
        """Cut-short tails of this patient's check-in log that were set aside (newcomer6 finding 12)."""
        return set_aside_copies(checkin_log.log_path(self.data_dir, patient_id))

    def draft(self: _HasShards, patient_id: str) -> dict[str, Any] | None:
        """The check-in in progress, if any."""
        row = self._shard(patient_id).table("state").get(doc_id=2)
        return dict(row["draft"]) if row and row.get("draft") else None

    def save_draft(self: _HasShards, patient_id: str, draft: dict[str, Any] | None) -> None:
        """Keep (or drop, with None) the check-in in progress, so a restart can resume it."""
        put_state(self._shard(patient_id), 2, {"draft": draft})

    def moved_by(self: _HasShards, patient_id: str, update_id: int) -> bool:
        """Whether this update already moved the patient's conversation (a pending input, the check-in
        draft, the kept words, a questionnaire): its replay after a crash is not applied again (moved.py)."""
        shard = self._shard(patient_id)
        rows = [shard.table("state").get(doc_id=1), shard.table("state").get(doc_id=2)]
        rows.append(shard.table("measure_draft").get(doc_id=1))
        return any(moved.moved_by(row, update_id) for row in rows)

    def kept_unsent(self: _HasShards, patient_id: str) -> dict[str, Any] | None:
        """The patient's words kept unsent until they choose ({"texts", "since"}), if any."""
        row = self._shard(patient_id).table("state").get(doc_id=1)
        return dict(row["kept"]) if row and row.get("kept") else None

    def set_kept_unsent(self: _HasShards, patient_id: str, kept: dict[str, Any] | None) -> None:
        """Keep (or forget, with None) the unsent words: beside the pending input, never replaced by a flow
        that starts (newcomer finding 9-13: changing the check-in time deleted them)."""
        put_state(self._shard(patient_id), 1, {"kept": kept})

    def mark_sent(self: _HasShards, patient_id: str, key: str) -> bool:
        """Claim a one-time send (e.g. "prompt:2026-11-23"); False if it was already claimed."""
        table = self._shard(patient_id).table("sent")
        if table.contains(_Q.key == key):
            return False
        stale = _stale_claims(table.all(), key)
        if len(stale) >= PRUNE_BATCH:
            table.remove(doc_ids=stale)
        table.insert(moved.stamped(None, {"key": key}))  # which update claimed it (ops O62: replays)
        return True

    def claimed_by(self: _HasShards, patient_id: str, update_id: int, prefix: str) -> str | None:
        """The claim starting with ``prefix`` that this update made, if any (a safety answer's, say)."""
        rows = self._shard(patient_id).table("sent").all()
        return next(
            (
                str(r["key"])
                for r in rows
                if str(r["key"]).startswith(prefix) and moved.moved_by(r, update_id)
            ),
            None,
        )

    def unmark_sent(self: _HasShards, patient_id: str, key: str) -> None:
        """Release a claim whose send certainly failed, so it is tried again."""
        self._shard(patient_id).table("sent").remove(_Q.key == key)

    def was_sent(self: _HasShards, patient_id: str, key: str) -> bool:
        """True if this one-time send was already claimed."""
        return bool(self._shard(patient_id).table("sent").contains(_Q.key == key))

    def newest_claim(self: _HasShards, patient_id: str, prefix: str | tuple[str, ...]) -> str | None:
        """The newest claim whose key starts with `prefix` (or one of them: which came last), claims being kept
        in the order they were made."""
        keys = [str(row.get("key", "")) for row in self._shard(patient_id).table("sent").all()]
        found = [key for key in keys if key.startswith(prefix)]
        return found[-1] if found else None


def _claim_day(key: str) -> date | None:
    found = _DAY.search(key)
    if found is None:
        return None
    try:
        return date.fromisoformat(found.group())
    except ValueError:
        return None


def _stale_claims(rows: list[Document], newest: str) -> list[int]:
    """The claims dated more than CLAIM_DAYS before `newest`'s day (undated ones, e.g. a crisis answer's,
    are kept: they are few, and their key is not tied to a day)."""
    day = _claim_day(newest)
    if day is None:
        return []
    cutoff = day - CLAIM_DAYS
    return [
        row.doc_id for row in rows if (d := _claim_day(str(row.get("key", "")))) is not None and d < cutoff
    ]


def _draft_id(shard: TinyDB) -> str | None:
    state = shard.table("state").get(doc_id=2)
    draft = state.get("draft") if isinstance(state, dict) else None
    return str(draft["draft_id"]) if isinstance(draft, dict) and "draft_id" in draft else None


def put_state(db: TinyDB, doc_id: int, values: dict[str, Any]) -> None:
    """Set one fixed state slot of a shard."""
    # Fixed doc ids keep each state slot a single document: 1 = pending input, 2 = draft.
    # With the update that moved it, in the same write (a replay never answers the next question: moved.py).
    table = db.table("state")
    row = table.get(doc_id=doc_id)
    values = moved.stamped(row if isinstance(row, dict) else None, values)
    if row is None:
        table.insert(Document(values, doc_id=doc_id))
    else:
        table.update(values, doc_ids=[doc_id])


class CopingData:
    """Mixin for the repository: how coping skills went for this patient."""

    def record_feedback(self: _HasShards, patient_id: str, feedback: Feedback) -> None:
        """Store whether a skill helped."""
        self._shard(patient_id).table("feedback").insert(
            {"skill_key": feedback.skill_key, "helped": feedback.helped, "at": feedback.at.isoformat()}
        )

    def coping_feedback(self: _HasShards, patient_id: str) -> list[Feedback]:
        """Everything this patient said about skills they tried, oldest first."""
        rows = self._shard(patient_id).table("feedback").all()
        return [Feedback(r["skill_key"], r["helped"], datetime.fromisoformat(r["at"])) for r in rows]
