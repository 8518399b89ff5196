"""Administrator operations on records: export, audit, discharge (`iop-bot export|audit|patient discharge`)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from bot import texts
from bot.admin.disclosure import DISCLOSURES, disclosed, disclosure_options
from bot.admin.present import tell_present
from bot.admin.roster import AdminError, Operation, counselor_ref, not_enrolled
from bot.config.settings import Settings
from bot.domain.checkins import load_checkin_config
from bot.domain.models import Patient
from bot.reports.export import alias_at, checkins_csv, export_name, export_status, patient_rows
from bot.store import audit_head, checkin_log
from bot.store.audit_read import rows_past_breaks
from bot.store.crypto import FernetCodec
from bot.store.repository import Repository
from bot.store.storage import DataRefusedError, RecordsUnavailable, set_aside_copies
from bot.texts.base import zoned


def export_scope(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Whose check-ins an export holds (--patient ALIAS or --cohort NAME), and the file's name."""
    note = ""
    if args.get("patient"):
        patient, note = find_patient(repo, settings, str(args["patient"]))
        patients, name = [patient], export_name(patient.alias)
        if patient.status == "withdrawn" and not patient.closed_by_program:  # ops O138
            at = patient.status_changed_at.isoformat(timespec="minutes") if patient.status_changed_at else ""
            note = "; ".join(filter(None, [note, texts.consent_revoked(patient.alias, at)]))
    elif args.get("cohort"):
        patients = [p for p in repo.patients() if p.cohort == args["cohort"]]
        if not patients:
            raise AdminError(f"no patients in cohort {args['cohort']!r}")
        name = export_name(str(args["cohort"]), "cohort-checkins")
    else:
        raise AdminError("give --patient ALIAS or --cohort NAME")
    # Whose data was erased, and how (newcomer14 N116: a header-only CSV read as "no records").
    erased = {p.alias: erased_note(repo, settings, p.patient_id) for p in patients}
    return {
        "filename": name,
        "patients": [[p.patient_id, p.alias, export_status(p.shown_status)] for p in patients],
        "erased": {alias: said for alias, said in erased.items() if said},
        "former": _former(repo, patients),
        "note": note,
    }


def find_patient(repo: Repository, settings: Settings, alias: str) -> tuple[Patient, str]:
    """The patient with this alias, or the one who had it before coming back under another, with a note
    saying so (newcomer14 N114: a request citing the first alias found "no patient")."""
    patient = repo.patient_by_alias(alias)
    if patient is not None:
        return patient, ""
    former = repo.patient_by_former_alias(alias)
    if former is None:
        raise AdminError(f"no patient with alias {alias!r}")
    patient, until = former
    return patient, (
        f"{alias!r} is a former alias of {patient.alias}: they came back under the new one on "
        f"{zoned(until.astimezone(settings.tz))}. Their rows read the alias they had at the time."
    )


def _former(repo: Repository, patients: list[Patient]) -> dict[str, list[list[str]]]:
    """Each patient's former aliases and when each ended (ISO), for rows shown under the alias of the time."""
    former = {p.patient_id: repo.former_aliases(p.patient_id) for p in patients}
    return {
        pid: [[alias, until.isoformat()] for alias, until in rows] for pid, rows in former.items() if rows
    }


def _then(former: dict[str, list[list[str]]], patient_id: str) -> list[tuple[str, datetime]]:
    return [(alias, datetime.fromisoformat(until)) for alias, until in former.get(patient_id, [])]


def erased_note(repo: Repository, settings: Settings, patient_id: str) -> str:
    """ "data erased by the retention rule on Mon 7 Dec" (the program's day), or "" if never erased."""
    erasure = repo.erasure_of(patient_id)
    return texts.erased_on(erasure[1], erasure[0].astimezone(settings.tz).date()) if erasure else ""


def export_one(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """One patient's export, audited: the store call only says where their check-ins are (refused when they
    cannot be opened); the caller reads them itself, so a cohort's year never holds the store thread."""
    patient_id = str(args["patient_id"])
    path = repo.checkin_file(patient_id)
    repo.audit(now, 0, "export_cli", patient_id, by=str(args.get("by") or "unknown"), **disclosed(args))
    return {"file": path.relative_to(repo.data_dir).as_posix()}


Run = Callable[[str, dict[str, Any]], Any]


def export_records(run: Run, settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    """The export as CSV: one short store call per patient; their check-ins read and the CSV made outside
    the store thread (a check-in log is only appended to or replaced whole, checkin_log.py)."""
    scope = run("export_scope", args)
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    rows, set_aside, torn = [], [], []
    for patient_id, alias, status in scope["patients"]:
        given = {k: args[k] for k in ("to", "purpose", "out_path") if args.get(k)}  # ops O128
        found = run("export_one", {"patient_id": patient_id, **given})
        # A cut-short tail set aside may hold a check-in the patient was told was saved (newcomer6 finding 12).
        set_aside += [f"{alias}: {p}" for p in set_aside_copies(settings.data_dir / str(found["file"]))]
        try:
            entries, cut = checkin_log.read_entries(settings.data_dir / str(found["file"]), codec)
        except DataRefusedError as exc:
            raise RecordsUnavailable(patient_id, str(exc)) from None
        if (
            cut
        ):  # not set aside yet (the bot was stopped): left out of the export all the same (newcomer7 N14)
            torn.append(f"{alias}: {settings.data_dir / str(found['file'])} ends in {cut} bytes cut short")
        rows += patient_rows(alias, entries, status, _then(scope.get("former", {}), patient_id))
    config = load_checkin_config(settings.checkin_items_file)
    return {
        "filename": scope["filename"],
        "csv": checkins_csv(rows, config, settings.tz).decode(),
        "rows": len(rows),
        "set_aside": set_aside,
        "torn": torn,
        "erased": scope.get("erased", {}),
        "note": scope.get("note", ""),
    }


def export(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """The whole export in one store call (the control socket's `export`; the CLI goes patient by patient)."""
    return export_records(lambda op, a: OPERATIONS[op](repo, settings, now, a), settings, args)


def audit_scope(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """What `iop-bot audit` needs from the store: aliases, and whose rows (the log itself is streamed)."""
    subject, note = None, ""
    viewers: list[int] = []  # whose views of every patient they had showed this one's too (ops O129)
    if args.get("patient"):
        patient, note = find_patient(repo, settings, str(args["patient"]))
        subject = patient.patient_id
        viewers = [patient.counselor_id, *(c.telegram_id for c in repo.counselors() if c.role == "admin")]
    # By name as `counselor list` shows it, like every other --counselor (newcomer9 N41); an id as typed, so a
    # removed counselor's rows can still be read.
    raw = args.get("counselor")
    actor = None if raw is None else int(raw) if str(raw).strip().isdigit() else None
    if raw is not None and actor is None:
        actor = counselor_ref(repo, now, raw, "--counselor").telegram_id
    patients = repo.patients()
    aliases = {p.patient_id: p.alias for p in patients}
    return {
        "aliases": aliases,
        "subject": subject,
        "actor": actor,
        "former": _former(repo, patients),
        "note": note,
        "viewers": viewers,
    }


def stream_audit(settings: Settings, scope: dict[str, Any], args: dict[str, Any], out: TextIO) -> int:
    """Print the audit log's rows that match, oldest first, reading one segment at a time.

    Read from the files, not through the bot: they are only ever appended to, and reading a year of
    rows on the store thread would hold up every patient's check-in meanwhile.
    """
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    if args.get("verify"):
        try:
            count, segments = audit_head.verify(settings.data_dir, codec)  # and the head (ops O137)
        except DataRefusedError as exc:
            print(f"FAIL audit log: {exc}", file=out)
            return 1
        print(
            f"ok   audit log: {count} record(s) in {segments} segment(s); the hash chain is whole", file=out
        )
        return 0
    aliases, subject = scope["aliases"], scope["subject"]
    counselor = scope.get("actor")
    widths, shown, broken = (24, 12, 28), 0, False
    for row, broke in rows_past_breaks(settings.data_dir, codec):
        if broke:  # every row that opens is shown, the break said where it is (ops O124)
            broken = True
            print(f"---- the chain breaks here ({broke}): a record before this one was removed, reordered or replaced; the rows below open and are shown ----", file=out)  # fmt: skip
        if args.get("disclosures") and row.get("action") not in DISCLOSURES:
            continue
        every = row.get("subject") == "*" and row.get("actor") in scope.get(
            "viewers", ()
        )  # a caseload, a digest
        if (subject and row.get("subject") != subject and not every) or (
            counselor is not None and row.get("actor") != counselor
        ):
            continue
        if not shown:
            heads = [c.ljust(w) for c, w in zip(AUDIT_COLUMNS, widths, strict=False)]
            print("  ".join([*heads, AUDIT_COLUMNS[-1]]), file=out)
        actor = row["actor"] or _machine(row)
        cells = (_local(str(row["at"]), settings), str(actor), str(row["action"]))
        who = str(aliases.get(row["subject"], row["subject"]))
        who = f"* (all of {row['actor']}'s patients)" if subject and who == "*" else who
        if (then := _then(scope.get("former", {}), str(row["subject"]))) and "at" in row:
            who = alias_at(who, then, datetime.fromisoformat(str(row["at"])))  # as it was (N114)
        details = " ".join(f"{k}={v}" for k, v in row.items() if k not in _ROW_KEYS)
        line = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + "  " + who
        print(f"{line}  {details}".rstrip(), file=out)
        shown += 1
    if not shown:
        print("The audit log is empty." if not (subject or counselor) else "No audit rows match.", file=out)
    return 1 if broken else 0


AUDIT_COLUMNS = ("AT", "ACTOR", "ACTION", "PATIENT")
_ROW_KEYS = frozenset({"at", "actor", "action", "subject", "by"})


def discharge(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Move a patient to aftercare: weekly check-ins, no session reminders, data kept."""
    patient = repo.patient_by_alias(str(args["alias"]))
    if patient is None:
        raise AdminError(not_enrolled(repo, str(args["alias"])))
    urgent = [a for a in repo.open_alerts() if a.patient_id == patient.patient_id and a.urgent]
    if urgent and not args.get("yes"):
        # newcomer18 N172: discharged minutes after "i just want to die", the patient's next word from the bot was
        # "From now on I'll check in with you once a week", with the alert unacknowledged.
        minutes = int((now - urgent[-1].created_at).total_seconds() // 60)
        raise AdminError(
            f"{patient.alias} has {len(urgent)} urgent alert(s) nobody has acknowledged (the newest {minutes} min "
            "old): nothing was done. Reach them and acknowledge the alert first; discharging now tells them the bot "
            "will check in once a week from now on. To discharge anyway, run it again with --yes."
        )
    repo.save_patient(patient.with_changes(status="aftercare", status_changed_at=now))
    # Both are told (newcomer8 N12); the bot sends notices even when it is stopped now.
    if patient.status == "active":
        repo.add_notice(patient.telegram_id, texts.weekly_from_now(patient.language), now)
        tell_present(repo, settings, now, patient, texts.counselor_patient_discharged(patient.alias))  # O127
    repo.audit(now, 0, "discharged_to_aftercare", patient.patient_id, by=str(args.get("by") or "unknown"))
    return {"alias": patient.alias, "patient_id": patient.patient_id}


OPERATIONS: dict[str, Operation] = {
    "export": export,
    "export_scope": export_scope,
    "export_one": export_one,
    "audit_scope": audit_scope,
    "patient_discharge": discharge,
}


def add_parsers(sub: Any) -> None:
    """`export` and `audit` sub-commands."""
    exp = sub.add_parser("export", help="check-ins as CSV (one patient or a whole cohort)")
    exp.add_argument("--patient", metavar="ALIAS")
    exp.add_argument("--cohort")
    exp.add_argument("--format", choices=["csv"], default="csv")
    exp.add_argument("--out", help="file to write (default: standard output)")
    disclosure_options(exp)
    aud = sub.add_parser("audit", help="who read, exported, messaged or acknowledged what, and when")
    aud.add_argument("--patient", metavar="ALIAS")
    aud.add_argument("--counselor", metavar="NAME_OR_TELEGRAM_ID")
    aud.add_argument(
        "--disclosures",
        action="store_true",
        help="only records given out with the CLI (patient record, export), with recipient and purpose",
    )
    aud.add_argument(
        "--verify",
        action="store_true",
        help="read the whole log and check its hash chain (exit 1 where it breaks)",
    )


def params(args: argparse.Namespace) -> dict[str, Any]:
    """Parameters for the operation, without CLI-only options; where a disclosure went (ops O128)."""
    given = {k: v for k, v in vars(args).items() if k not in ("command", "action", "out", "format")}
    if "out" in vars(args):
        given["out_path"] = os.path.abspath(args.out) if args.out else "standard output"
    return given


def _local(at: str, settings: Settings) -> str:
    """A row's time in the program's zone, named (newcomer7 finding N19: UTC without saying so read as 3 PM
    local in a Denver clinic); as stored when it does not parse."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at[:19]
    if moment.tzinfo is None:
        return at[:19]
    return moment.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M:%S %Z")


def _machine(row: dict[str, Any]) -> str:
    """Who acted when no person's Telegram id did: an iop-bot command (and who ran it) or the bot itself
    (alerts, retention); export rows written before they named who ran them were commands too."""
    if row.get("by"):
        return f"admin CLI ({row['by']})"
    return "admin CLI" if row["action"] == "export_cli" else "bot"
