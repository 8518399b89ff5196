"""The counselor's workspace as plain data: who they may see, their caseload, a patient's page.

Runs on the store thread (takes the repository); no Telegram here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot.checkins import CheckinConfig, Entry, local_date
from bot.models import Counselor, Patient
from bot.store.repository import Repository
from bot.triage import CaseloadRow, FlagRules, caseload_row, triage_order


def may_see(counselor: Counselor | None, patient: Patient | None) -> bool:
    """A counselor sees their own patients; an admin sees everyone; nobody else sees anyone."""
    if counselor is None or patient is None:
        return False
    return counselor.role == "admin" or patient.counselor_id == counselor.telegram_id


def visible_patients(repo: Repository, counselor: Counselor) -> list[Patient]:
    """The patients this counselor may see."""
    return repo.patients(counselor_id=None if counselor.role == "admin" else counselor.telegram_id)


def open_flag_kinds(repo: Repository, patient: Patient) -> list[str]:
    """Open flags from check-ins and jobs, plus open urgent alerts, oldest first."""
    kinds = [str(f["kind"]) for f in repo.open_flags(patient.patient_id)]
    kinds += [a.kind for a in repo.open_alerts() if a.patient_id == patient.patient_id]
    return kinds


def caseload(repo: Repository, counselor: Counselor, now: datetime, rules: FlagRules) -> list[CaseloadRow]:
    """The counselor's caseload, most urgent first."""
    rows = []
    for p in visible_patients(repo, counselor):
        today = local_date(now, p.tz) if p.tz else now.date()
        entries = repo.checkins(p.patient_id)
        row = caseload_row(p.patient_id, p.alias, entries, open_flag_kinds(repo, p), today, rules)
        rows.append(replace(row, status=p.status))
    ordered = triage_order(rows)
    # Withdrawn patients stay listed (their data is still kept) but last: nothing can be done in here.
    return [r for r in ordered if r.status != "withdrawn"] + [r for r in ordered if r.status == "withdrawn"]


@dataclass(frozen=True)
class PatientPage:
    """Everything on a patient's page."""

    patient: Patient
    entries: list[Entry]
    flags: list[str]
    coping: list[str]


_HELPED_LABEL = {"yes": "helped", "somewhat": "helped somewhat", "no": "did not help"}


def patient_page(repo: Repository, patient: Patient, rules: FlagRules) -> PatientPage:
    """A patient's check-ins, open flags and how coping skills went."""
    entries = sorted(repo.checkins(patient.patient_id), key=lambda e: e.ts)
    flags = [rules.label(k) for k in dict.fromkeys(open_flag_kinds(repo, patient))]
    coping = [
        f"{f.skill_key}: {_HELPED_LABEL.get(f.helped, f.helped)}"
        for f in repo.coping_feedback(patient.patient_id)
    ]
    return PatientPage(patient, entries, flags, coping[-5:])


def checkin_table(entries: list[Entry], config: CheckinConfig, last: int = 14) -> str:
    """The last check-ins as a fixed-width table (numbers as stored; notes cut short)."""
    keys = [i.key for i in config.items if i.kind != "text"]
    head = "date   " + " ".join(k[:5].ljust(5) for k in keys)
    lines = [head]
    for e in entries[-last:]:
        cells = " ".join(("–" if e.answers.get(k) is None else str(e.answers.get(k))).ljust(5) for k in keys)
        note = e.answers.get("note")
        lines.append(f"{e.local_date:%m-%d}  {cells}" + (f"\n       “{str(note)[:60]}”" if note else ""))
    return "\n".join(lines) if entries else "No check-ins yet."
