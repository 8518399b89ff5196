"""`iop-bot doctor`'s audit log check: the whole hash chain reads, and nothing foreign lies beside it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import audit_head, audit_log, audit_tail, migrate, rotation, storage, verify
from bot.store.crypto import FernetCodec
from bot.store.storage import DataRefusedError

NOTED = timedelta(days=30)


def audit_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """Every record decrypts and follows the one before; set-aside cut-short tails are named."""
    data_dir = settings.data_dir
    if rotation.journal_path(data_dir).exists():
        return  # mixed keys are expected mid-rotation; rotation_check reports it
    if (data_dir / migrate.JOURNAL).exists():
        yield Finding(
            "audit log",
            False,
            f"an upgrade to data format {migrate.DATA_FORMAT} is unfinished: start the bot",
        )
        return
    if verify.key_suspect(verify.scan(data_dir, settings.data_keys)):
        return  # nothing opens with this key: file_checks says to check IOP_DATA_KEY, not to restore
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    found: list[str] = []  # rows lost that the running bot found since NOTED (it keeps the head moving)
    since = (now or datetime.now(UTC)) - NOTED

    def note(record: audit_log.Record) -> None:
        if (
            record.row.get("action") == "audit_rows_missing"
            and str(record.row.get("at")) >= since.isoformat()
        ):
            found.append(f"{str(record.row['at'])[:16]}: {record.row.get('what', '')}")

    try:
        count, segments = audit_head.verify(
            data_dir, codec, note
        )  # the head kept in the index too (ops O137)
    except DataRefusedError as exc:
        yield Finding("audit log", False, _way_out(settings, codec, exc))
    else:
        if not count and _has_people(data_dir):
            yield Finding("audit log", False, EMPTY)
        else:
            yield Finding(
                "audit log", True, f"{count} record(s) in {segments} segment(s); the hash chain is whole"
            )
        if found:
            yield Finding(
                "audit log",
                False,
                f"the running bot found rows gone from the audit log ({'; '.join(found[-3:])}); keep the data dir as "
                "it is (evidence), compare it with the last backup, and find out who had access to the server (this "
                f"stays {NOTED.days} days)",
            )
    for stray in audit_log.strays(data_dir):
        if storage.TORN_MARK not in stray.name:  # a set-aside tail is doctor_set_aside's FAIL
            yield Finding(
                "audit log", False, f"{stray} is no segment of the audit log; move it out of {data_dir}"
            )


EMPTY = (
    "no audit record, though the program has patients: the audit log was deleted (ops O137). Keep the data dir "
    "as it is (evidence), compare it with the last backup (`iop-bot restore` it into a new, empty dir and run "
    "`iop-bot audit` there), and find out who had access to the server"
)


def _has_people(data_dir: Path) -> bool:
    people = data_dir / "patients.log"
    return people.is_file() and people.stat().st_size > 0


def _way_out(settings: Settings, codec: FernetCodec | None, exc: DataRefusedError) -> str:
    """The repair for a refused chain: a tail cut short is set aside (newcomer13 O51: not "restore" for an
    append a crash cut); a newest segment none of whose lines opens may be foreign, so moving it out comes
    before a restore that loses everything since the backup."""
    data_dir = settings.data_dir
    if (torn := audit_tail.cut_short_tail(data_dir, codec)) is not None and str(exc).startswith(
        f"{torn[0]}: its last"
    ):
        return (
            f"{exc}; every record before it is whole. Accept the loss with `iop-bot doctor --quarantine "
            f"{torn[0]}` (see 'set aside'), or restore a newer backup if one has that record"
        )
    if (foreign := audit_tail.none_opens(data_dir, codec)) is not None:
        return audit_tail.foreign_way_out(foreign, data_dir, str(exc))
    if "the chain breaks here" in str(exc) or "the program recorded" in str(exc):
        # ops O124: the rows decrypt; a whole restore would lose every check-in and alert since the backup.
        return (
            f"{exc}; keep the data dir as it is (evidence: a record was removed, reordered or replaced outside the "
            "bot), compare that segment with the same one in the last backup (`iop-bot restore` it into a new, empty "
            "dir and run `iop-bot audit` there), and report the incident; `iop-bot audit` shows every row that "
            "opens, the break marked. Do not restore over this data dir: that loses everything since the backup"
        )
    return f"{exc}; restore the data dir from a backup (`iop-bot restore`)"
