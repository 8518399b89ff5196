"""The audit log's head kept outside its segments (ops O137, P1 silent): the record count and the last hash.

Deleting the whole log, or cutting its newest rows off (`head -n 23`), left a chain that is whole from its first
record: `doctor` and `audit --verify` said "0 record(s) … the hash chain is whole" for a program with patients,
and the bot started a new chain without a word. The head is kept in ``index.json`` (encrypted under the data key,
in every backup; without the index there is no program), written by the running bot every minute
(bot/jobs/audit_watch.py), and set against the segments when the whole chain is read: 30 s after a start and
daily, by `doctor` and by `audit --verify`. A log that ends before the head, or whose record at the head's number
is another, lost rows. Rows written after the last minute's head are not covered (a crash); an insider with the
key can rewrite both (ops O125: the backups' chain is the check for that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.store import audit_log
from bot.store.audit_log import AuditLogRefused, Record
from bot.store.storage import AtomicJSONStorage, Codec, DataRefusedError, IdentityCodec, one_write

if TYPE_CHECKING:
    from bot.store.repository import Repository

TABLE = "audit_head"


@dataclass(frozen=True)
class Head:
    n: int  # how many records the program had written
    p: str  # the hash of the last of them


def save(repo: Repository) -> Head:
    """Keep the writer's head in the index when it moved (store worker); returns it."""
    head = Head(repo._audit.count, repo._audit.last_hash)
    table = repo._index.table(TABLE)
    if head.n and table.all() != [{"n": head.n, "p": head.p}]:
        with one_write(repo._index):
            table.truncate()
            table.insert({"n": head.n, "p": head.p})
    return head


def kept(repo: Repository) -> Head | None:
    """The head the index holds (store worker)."""
    rows = repo._index.table(TABLE).all()
    return Head(int(rows[0]["n"]), str(rows[0]["p"])) if rows else None


def stored(data_dir: Path, codec: Codec | None) -> Head | None:
    """The head in ``index.json``, read without opening the store (doctor, `audit --verify`); None if none."""
    try:
        data = AtomicJSONStorage(data_dir / "index.json", codec).read() or {}
    except DataRefusedError:
        return None  # the index's own check says what is wrong with it
    rows = list((data.get(TABLE) or {}).values())
    return Head(int(rows[0]["n"]), str(rows[0]["p"])) if rows else None


@dataclass
class Tally:
    """Fed the records as read; says whether the log still holds the head."""

    head: Head | None
    last: int = 0
    at_head: str = ""

    def feed(self, record: Record) -> None:
        self.last = record.n
        if self.head is not None and record.n == self.head.n:
            self.at_head = record.digest

    def lost(self) -> str:
        """What the log lost of what the program recorded ("" when nothing)."""
        head = self.head
        if head is None or not head.n:
            return ""
        if self.last < head.n:
            return (
                f"the audit log ends at record {self.last}, the program recorded {head.n}: rows were removed (the "
                "whole log or its newest rows)"
            )
        if self.at_head != head.p:
            return (
                f"record {head.n} of the audit log is not the one the program recorded there: its newest rows were "
                "removed or replaced, and others written after them"
            )
        return ""


def verify(data_dir: Path, codec: Codec | None, also: Callable[[Record], object] = id) -> tuple[int, int]:
    """`audit_log.verify` (each record to ``also`` too), and the log still holds the head the index recorded;
    raises AuditLogRefused."""
    tally = Tally(stored(data_dir, codec))

    def feed(record: Record) -> None:
        tally.feed(record)
        also(record)

    found = audit_log.verify(data_dir, codec, feed)
    if lost := tally.lost():
        raise AuditLogRefused(lost)
    return found


def tail(data_dir: Path, codec: Codec | None) -> Head | None:
    """The log's last whole record as it is on disk now (its number and hash), or None (no log, or it does not open)."""
    found = audit_log.segments(data_dir)
    for path in reversed(found):
        lines, _ = audit_log.read_segment(path)
        if lines:
            try:
                plain, record = audit_log.decode_line(lines[-1], codec or IdentityCodec(), str(path))
            except DataRefusedError:
                return None
            return Head(int(record["n"]), audit_log.digest(plain))
    return None
