"""A patient leaving, from the admin side (ops O14): `iop-bot patient close|erase|record ALIAS`.

`close` is what the patient's /stop does (nothing more is sent; the retention period starts), `erase` what
their /delete does, `record` what /mydata gives them, plus the stored form and a legend for its codes. Each
is audit-logged with the login that ran it. Whatever is open for the patient is said, item by item, to the
admin and to the counselor: nothing is dropped without a word.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from bot import texts
from bot.admin.alert_status import timing
from bot.admin.backups_kept import kept
from bot.admin.disclosure import disclosed
from bot.admin.present import tell_present
from bot.admin.records import erased_note, find_patient
from bot.admin.roster import AdminError, Operation, not_enrolled
from bot.config.settings import Settings
from bot.domain.checkins import load_checkin_config
from bot.domain.coping import load_skills
from bot.domain.enrollment import alias_match
from bot.domain.escalation import Policy, past_last_round
from bot.domain.flag_rules import default_flag_rules
from bot.domain.models import PROGRAM, Patient
from bot.domain.sessions import occurrences
from bot.reports import mydata
from bot.store.repository import Repository

CLOSED, ERASED, RECORD = "enrollment_closed", "patient_data_erased_admin", "patient_record_exported_cli"


def _patient(repo: Repository, args: dict[str, Any]) -> Patient:
    patient = repo.patient_by_alias(str(args["alias"]))
    if patient is None:
        raise AdminError(not_enrolled(repo, str(args["alias"])))
    return patient


def _by(args: dict[str, Any]) -> str:
    return str(args.get("by") or "unknown")


def close(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Withdraw the patient as /stop does: status withdrawn from now (the retention clock), told once in
    their language, their counselor told with what stays open; queued messages to them are not sent."""
    patient = _patient(repo, args)
    if patient.status == "withdrawn":
        since = patient.status_changed_at.date().isoformat() if patient.status_changed_at else "earlier"
        raise AdminError(
            f"{patient.alias}'s enrollment is closed already (since {since}); nothing was changed"
        )
    dropped = [n for n, to, _ in repo.pending_notices() if to == patient.telegram_id]
    dropped = [n for n in dropped if repo.mark_notice_sent(n)]  # claimed: the sweep never sends them
    items = open_items(repo, patient, now, timing(settings), erasing=False, leaving=True, unsent=len(dropped))
    # Marked as the program's doing: what they and their counselor read later says so, not "/stop" (gaps18).
    repo.save_patient(patient.with_changes(status="withdrawn", status_changed_at=now, withdrawn_by=PROGRAM))
    repo.add_notice(
        patient.telegram_id, texts.enrollment_closed(settings.retention_days, patient.language), now
    )
    # The cover too while the counselor is away (ops O127).
    closed = texts.counselor_enrollment_closed(patient.alias, items, settings.retention_days)
    tell_present(repo, settings, now, patient, closed)
    counts = _counts(repo, patient, dropped=len(dropped))
    repo.audit(now, 0, CLOSED, patient.patient_id, by=_by(args), was=patient.status, **counts)
    return {"alias": patient.alias, "patient_id": patient.patient_id, "open": items}


def erase(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Erase the patient's data as /delete does (the enrollment record stays); the counselor is told, and
    the patient too while the bot may still write to them."""
    patient = _patient(repo, args)
    # The alias typed back, read as commands read it ("Lucia" names "Lucía"; ops O14's own --yes failed so).
    if alias_match([patient.alias], str(args.get("confirm", ""))) != patient.alias:
        raise AdminError(
            f"not confirmed: type the alias ({patient.alias}) to erase their data; nothing was erased"
        )
    items = open_items(repo, patient, now, timing(settings), erasing=True, leaving=True)
    counts = _counts(repo, patient)
    repo.erase_patient_data(patient.patient_id)
    repo.record_erasure(patient.patient_id, now, how="program")
    repo.audit(now, 0, ERASED, patient.patient_id, by=_by(args), **counts)
    told = patient.status != "withdrawn"  # after /stop (or `close`) the bot may not write to them
    if told:
        repo.add_notice(patient.telegram_id, texts.data_erased_by_program(patient.language), now)
    tell_present(repo, settings, now, patient, texts.counselor_data_erased(patient.alias, items))  # O127
    repo.inbox.scrub()  # last: the updates that carried their words, as Telegram delivered them
    backups = kept(repo.data_dir)  # what still holds their data until deleted (ops O96)
    return {
        "alias": patient.alias,
        "patient_id": patient.patient_id,
        "open": items,
        "told": told,
        "backups": backups,
    }


def record(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """One patient's whole record: as /mydata gives it to them (labelled), as stored, and a legend; asked for
    by a former alias, theirs with a note (newcomer14 N114)."""
    patient, note = find_patient(repo, settings, str(args["alias"]))
    pid = patient.patient_id
    revoked = patient.status == "withdrawn" and not patient.closed_by_program  # ops O138: the patient's /stop
    at = patient.status_changed_at.isoformat(timespec="minutes") if patient.status_changed_at else ""
    if revoked:
        note = "; ".join(filter(None, [note, texts.consent_revoked(patient.alias, at)]))
    data = repo.patient_data_export(pid)
    config = load_checkin_config(settings.checkin_items_file)
    rules, counselor = default_flag_rules(), repo.counselor_name(patient.counselor_id)
    labelled = mydata.readable(data, config, counselor, rules.label, load_skills(), "en")
    labelled["about"] = f"Everything IOP Companion stores about {patient.alias}. Times are UTC (ISO 8601)."
    # Who acknowledged each alert, by name (newcomer14 N106); the rows are the export's, in its order.
    for row, stored in zip(labelled.get("alerts", []), repo.patient_alerts(pid), strict=False):
        if isinstance(row, dict) and (by := stored.get("acked_by")):
            row["acknowledged by"] = repo.counselor_name(int(by)) or str(by)
    document = {
        "patient": patient.alias,
        "former aliases": [{"alias": a, "until": until.isoformat()} for a, until in repo.former_aliases(pid)],
        "exported_at": now.isoformat(),
        "consent": texts.consent_state(revoked, at),
        "open_now": open_items(
            repo, patient, now, timing(settings), erasing=False, leaving=patient.status != "active"
        ),
        # newcomer14 N116: an empty record is not "never checked in"
        "erased": erased_note(repo, settings, patient.patient_id) or "never",
        "record": labelled,
        "stored": {**data, "profile": {**data.get("profile", {}), "counselor": counselor}},
        "legend": _legend(config, rules.labels, data),
    }
    repo.audit(now, 0, RECORD, pid, by=_by(args), **disclosed(args))  # to whom, why, where (ops O128)
    # Through the control socket as JSON: every value as text, as /mydata's file does.
    return {"alias": patient.alias, "document": json.loads(json.dumps(document, default=str)), "note": note}


def open_items(
    repo: Repository,
    patient: Patient,
    now: datetime,
    policy: Policy,
    *,
    erasing: bool,
    leaving: bool,
    unsent: int = 0,
) -> list[str]:
    """What is open for the patient now, and what happens to each (``leaving``: their enrollment is closed or
    being closed, so nothing more goes to them)."""
    pid, items = patient.patient_id, []
    alerts = [a for a in repo.open_alerts() if a.patient_id == pid]
    # Said of each as it is (ops O59: "keep escalating" of alerts past their last reminder, which nothing sends).
    spent = [a for a in alerts if past_last_round(a, now, policy)]
    escalating = [a for a in alerts if a.urgent and a not in spent]
    quiet = [a for a in alerts if not a.urgent]
    words = " (without their words)" if erasing else ""
    if escalating:
        items.append(
            f"{len(escalating)} urgent alert(s) not acknowledged yet stay open{words} and keep escalating until "
            "someone acknowledges them"
        )
    if spent:
        items.append(
            f"{len(spent)} urgent alert(s) not acknowledged and past its last reminder stay open{words}: nobody is "
            "reminded any more; reach them and acknowledge it on their page (/caseload)"
        )
    if quiet:
        items.append(
            f"{len(quiet)} non-urgent alert(s) stay open on their page{words} until acknowledged (they never escalate)"
        )
    if flags := repo.open_flags(pid):
        items.append(
            f"{len(flags)} flag(s) waiting for review: "
            + ("erased with the data, unreviewed" if erasing else "stay on their page until reviewed")
        )
    if repo.kept_unsent(pid):
        items.append(
            "words they kept unsent: "
            + ("erased" if erasing else "never sent, erased when their 24 hours end")
        )
    if repo.measure_draft(pid):
        items.append(
            "half-answered weekly questions: "
            + ("erased" if erasing else "not asked again; the answers given stay in the record")
        )
    if unsent:
        items.append(f"{unsent} queued message(s) to them (e.g. a session change): not sent")
    # Only meetings still ahead; "no reminders go out" only when they are leaving (newcomer18 N170: a
    # record of an active patient, reminded as usual, said so, and counted a session already past).
    year = timedelta(days=366)
    booked = [s for s in repo.all_series() if s.patient_id == pid and occurrences(s, now, now + year)]
    if booked and not erasing:
        ahead = f"{len(booked)} individual session(s) still ahead for them"
        if leaving:
            items.append(f"{ahead}: no reminders go out; cancel them with `iop-bot session cancel`")
        elif patient.tz is None:
            items.append(f"{ahead}: no reminder goes until they choose a time zone")
        else:
            items.append(f"{ahead}: they are reminded as usual")
    return items


def _counts(repo: Repository, patient: Patient, dropped: int = 0) -> dict[str, int]:
    """The audit row's figures: what was open, never what it said."""
    pid = patient.patient_id
    counts = {
        "open_alerts": len([a for a in repo.open_alerts() if a.patient_id == pid]),
        "open_flags": len(repo.open_flags(pid)),
        "notices_dropped": dropped,
    }
    return {k: v for k, v in counts.items() if v}


def _legend(config: Any, flag_labels: dict[str, str], data: dict[str, Any]) -> dict[str, Any]:
    """What each code in "stored" means: check-in answers, flag and alert kinds, statuses."""
    items: dict[str, Any] = {}
    for item in config.items:
        entry: dict[str, Any] = {"question": item.prompt, "kind": item.kind}
        if item.kind == "scale":
            ends = f" ({item.low_label} to {item.high_label})" if item.low_label or item.high_label else ""
            entry["answer"] = f"a number from {item.minimum} to {item.maximum}{ends}"
        elif item.kind == "choice":
            entry["answer"] = {str(o.value): o.label for o in item.options}
        items[item.key] = entry
    alerts = {str(r.get("kind")) for r in data.get("alerts", []) if isinstance(r, dict)}
    return {
        "check-in items (stored under checkins.answers)": items,
        "flag kinds": dict(sorted(flag_labels.items())),
        "alert kinds": {k: texts.alert_about(k, "en") for k in sorted(alerts)},
        "status": {
            "active": "in the program: daily check-ins and session reminders",
            "aftercare": "discharged: weekly check-ins, no session reminders",
            "inactive": "has blocked the bot",
            "withdrawn": "withdrew (/stop) or the enrollment was closed: the bot sends nothing",
        },
        "bookkeeping": f"{', '.join(mydata.BOOKKEEPING)}: what the bot keeps to do its job, not the patient's words",
    }


OPERATIONS: dict[str, Operation] = {"patient_close": close, "patient_erase": erase, "patient_record": record}
