"""Administrator operations on records: export, audit, discharge (`iop-bot export|audit|patient discharge`)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from bot.admin.roster import AdminError, Operation, not_enrolled
from bot.config.settings import Settings
from bot.domain.checkins import load_checkin_config
from bot.reports.export import checkins_csv, export_name, patient_rows
from bot.store.repository import Repository


def export(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """One patient's (--patient) or a whole cohort's (--cohort) check-ins as CSV text."""
    config = load_checkin_config(settings.checkin_items_file)
    if args.get("patient"):
        patient = repo.patient_by_alias(str(args["patient"]))
        if patient is None:
            raise AdminError(f"no patient with alias {args['patient']!r}")
        patients, name = [patient], export_name(patient.alias)
    elif args.get("cohort"):
        patients = [p for p in repo.patients() if p.cohort == args["cohort"]]
        if not patients:
            raise AdminError(f"no patients in cohort {args['cohort']!r}")
        name = export_name(str(args["cohort"]), "cohort-checkins")
    else:
        raise AdminError("give --patient ALIAS or --cohort NAME")
    rows = [row for p in patients for row in patient_rows(p.alias, repo.checkins(p.patient_id))]
    for p in patients:
        repo.audit(now, 0, "export_cli", p.patient_id)
    return {"filename": name, "csv": checkins_csv(rows, config, settings.tz).decode(), "rows": len(rows)}


def audit(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """The audit log, optionally for one patient (alias) or one counselor (Telegram id)."""
    aliases = {p.patient_id: p.alias for p in repo.patients()}
    rows = repo.audit_log()
    if args.get("patient"):
        patient = repo.patient_by_alias(str(args["patient"]))
        if patient is None:
            raise AdminError(f"no patient with alias {args['patient']!r}")
        rows = [r for r in rows if r.get("subject") == patient.patient_id]
    if args.get("counselor"):
        rows = [r for r in rows if r.get("actor") == int(args["counselor"])]
    return [
        {
            "at": r["at"][:19],
            "actor": r["actor"] or "cli",
            "action": r["action"],
            "patient": aliases.get(r["subject"], r["subject"]),
        }
        for r in rows
    ]


def discharge(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Move a patient to aftercare: weekly check-ins, no session reminders, data kept."""
    patient = repo.patient_by_alias(str(args["alias"]))
    if patient is None:
        raise AdminError(not_enrolled(repo, str(args["alias"])))
    repo.save_patient(patient.with_changes(status="aftercare", status_changed_at=now))
    repo.audit(now, 0, "discharged_to_aftercare", patient.patient_id)
    return {"alias": patient.alias, "patient_id": patient.patient_id}


OPERATIONS: dict[str, Operation] = {"export": export, "audit": audit, "patient_discharge": discharge}


def add_parsers(sub: Any) -> None:
    """`export` and `audit` sub-commands."""
    exp = sub.add_parser("export", help="check-ins as CSV (one patient or a whole cohort)")
    exp.add_argument("--patient", metavar="ALIAS")
    exp.add_argument("--cohort")
    exp.add_argument("--format", choices=["csv"], default="csv")
    exp.add_argument("--out", help="file to write (default: standard output)")
    aud = sub.add_parser("audit", help="who read, exported, messaged or acknowledged what, and when")
    aud.add_argument("--patient", metavar="ALIAS")
    aud.add_argument("--counselor", type=int, metavar="TELEGRAM_USER_ID")


def params(args: argparse.Namespace) -> dict[str, Any]:
    """Parameters for the operation, without CLI-only options."""
    return {k: v for k, v in vars(args).items() if k not in ("command", "action", "out", "format")}
