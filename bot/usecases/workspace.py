"""The counselor's workspace as plain data: who they may see, their caseload, a patient's page.

Runs on the store thread (takes the repository); no Telegram here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.checkins import CheckinConfig, Entry, local_date
from bot.domain.escalation import Alert
from bot.domain.flag_days import counts_now, flag_day, grouped
from bot.domain.flag_rules import UNREADABLE
from bot.domain.models import CLOSED, Counselor, Patient
from bot.domain.triage import CaseloadRow, FlagRules, caseload_row, gravity, triage_order
from bot.store.message_data import Relayed
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable
from bot.usecases.away_cover import covered

LATELY = timedelta(days=3)  # urgent alerts acknowledged this recently still mark the caseload row and page
LATELY_WEIGHT = 20
UTC_ZONE = ZoneInfo("UTC")  # a page's days when no zone is given (the handler gives the program's)
UNCLEAR = "crisis_unclear"
CHECK = "safety_check"  # the flag worrying words raise (bot/handlers/crisis.py): asked if safe, nobody paged


def may_see(counselor: Counselor | None, patient: Patient | None) -> bool:
    """A counselor sees their own patients; an admin sees everyone; nobody else sees anyone."""
    if counselor is None or patient is None:
        return False
    return counselor.role == "admin" or patient.counselor_id == counselor.telegram_id


def visible_patients(repo: Repository, counselor: Counselor) -> list[Patient]:
    """The patients this counselor may see."""
    return repo.patients(counselor_id=None if counselor.role == "admin" else counselor.telegram_id)


def covered_patients(repo: Repository, counselor: Counselor, now: datetime) -> list[Patient]:
    """The patients of counselors away today whom this counselor covers (newcomer18 N151: the cover answered
    their messages and alerts but could not open their page), not already among those they see."""
    covering = {
        a.counselor_id for a in repo.aways()
    }  # a cover's cover too (newcomer22 N216): ``covered`` says
    if not covering or counselor.role == "admin":
        return []
    return [
        p
        for cid in sorted(covering)
        for p in repo.patients(counselor_id=cid)
        if (found := covered(repo, p, now)) is not None and found[2] == counselor.telegram_id
    ]


def digest_patients(repo: Repository, counselor: Counselor, now: datetime) -> list[Patient]:
    """Who a counselor's digests carry: those they see and, while they cover for someone away, the covered
    (newcomer20 N193, P1: the cover's morning digest left out a 14-hour-old "gun in my lap" alert)."""
    seen = visible_patients(repo, counselor)
    ids = {p.patient_id for p in seen}
    return seen + [p for p in covered_patients(repo, counselor, now) if p.patient_id not in ids]


def cohort_left_out(repo: Repository, counselor: Counselor, cohort: str) -> int:
    """Active patients of ``cohort`` this counselor may not see (another counselor's): a broadcast leaves
    them out, and says so (newcomer finding 10-14: two of ten were skipped without a word)."""
    seen = {p.patient_id for p in visible_patients(repo, counselor)}
    return sum(
        1 for p in repo.patients() if p.cohort == cohort and p.status == "active" and p.patient_id not in seen
    )


def open_flag_kinds(
    repo: Repository,
    patient: Patient,
    alerts: Sequence[Alert] | None = None,
    *,
    today: date | None = None,
    session: str | None = None,
) -> list[str]:
    """Open flags from check-ins and jobs, plus open urgent alerts (``alerts``: read once for a whole
    caseload), oldest first. An answer to a session reminder counts only for that ``session`` (an occurrence key)
    and until its day is over (``today``): newcomer18 N154."""
    rows = repo.open_flags(patient.patient_id)
    kinds = [str(f["kind"]) for f in rows if counts_now(str(f["kind"]), f["details"], today, session)]
    kinds += [
        a.kind
        for a in (repo.open_alerts() if alerts is None else alerts)
        if a.patient_id == patient.patient_id
    ]
    return kinds


def readable(
    repo: Repository,
    patient: Patient,
    alerts: Sequence[Alert] | None = None,
    *,
    today: date | None = None,
    session: str | None = None,
) -> tuple[list[Entry], list[str]]:
    """The patient's check-ins and open flags (as ``open_flag_kinds`` counts them); for a file that cannot be
    opened, none and a flag saying so (audit: one torn file took the whole caseload, and every daily digest, with
    it)."""
    try:
        kinds = open_flag_kinds(repo, patient, alerts, today=today, session=session)
        return repo.checkins(patient.patient_id), kinds
    except RecordsUnavailable:
        pid, known = patient.patient_id, repo.open_alerts() if alerts is None else alerts
        return [], [UNREADABLE, *(a.kind for a in known if a.patient_id == pid)]


def caseload(repo: Repository, counselor: Counselor, now: datetime, rules: FlagRules) -> list[CaseloadRow]:
    """The counselor's caseload, most urgent first."""
    rows = []
    alerts = repo.open_alerts()
    alarms = Counter(a.patient_id for a in alerts if a.urgent)
    gravest: dict[str, Alert] = {}  # each patient's gravest open urgent alert, the oldest of its gravity
    since: dict[str, datetime] = {}
    # A known kind before the learned layer's "what about is not clear" of the same gravity (newcomer22 N271).
    order = sorted(
        (a for a in alerts if a.urgent), key=lambda a: (gravity(a.kind), a.kind == UNCLEAR, a.created_at)
    )
    for a in order:
        gravest.setdefault(a.patient_id, a)
        since[a.patient_id] = min(since.get(a.patient_id, a.created_at), a.created_at)
    lately = Counter(a.patient_id for a in repo.acknowledged_since(now - LATELY))
    for p in [*visible_patients(repo, counselor), *covered_patients(repo, counselor, now)]:
        today = local_date(now, p.tz) if p.tz else now.date()
        entries, kinds = readable(repo, p, alerts, today=today)  # a past session's RSVP: history (N154)
        row = caseload_row(p.patient_id, p.alias, entries, kinds, today, rules)
        # Erased by them, the program or the retention rule (newcomer14 N116: "last check-in never" after it).
        erased, acked = repo.erasure_of(p.patient_id), lately[p.patient_id]
        rows.append(
            replace(
                row,
                status=p.shown_status,
                urgent_open=alarms[p.patient_id],
                deleted_at=erased[0] if erased else None,
                erased_by=erased[1] if erased else "",
                urgent_lately=acked,
                gravest_open=gravest[p.patient_id].kind if p.patient_id in gravest else "",
                open_since=since.get(p.patient_id),
                flag_days=oldest_days(repo, p, alerts),
                score=row.score
                + LATELY_WEIGHT * min(acked, 3),  # above a quiet row, never above an open alert
            )
        )
    ordered = triage_order(rows)
    # Withdrawn patients stay listed (their data is still kept) but last: nothing can be done in here. Not one with
    # an urgent alert nobody acknowledged: that is first whatever the status (newcomer20 N197: crisis words after
    # /stop, the one patient the bot can no longer reach, were row 18 of 18).
    last = [r for r in ordered if r.status in ("withdrawn", CLOSED) and not r.urgent_open]
    return [r for r in ordered if r not in last] + last


@dataclass(frozen=True)
class PatientPage:
    """Everything on a patient's page."""

    patient: Patient
    entries: list[Entry]
    flags: list[str]
    coping: list[tuple[str, str]]  # (skill name, how it helped: "yes", "somewhat", "no")
    messages: list[Relayed]
    urgent: list[Alert]  # open urgent alerts, oldest first: each closes only from the alert itself
    checks: list[datetime]  # when open "worrying words" flags were raised, oldest first
    deleted_at: datetime | None = None  # when their data was last erased (/delete, retention, the program)
    lately: tuple[Alert, ...] = ()  # urgent alerts acknowledged in the last ``LATELY``, oldest first
    erased_by: str = ""  # who erased it: "/delete", "retention", "program" (texts.erased_what)
    # The open flags by label with their days and how many (newcomer18 N161: "an undated heap of flags").
    dated: tuple[tuple[str, tuple[date, ...], int], ...] = ()


def patient_page(
    repo: Repository,
    patient: Patient,
    rules: FlagRules,
    skill_names: Mapping[str, str] | None = None,
    now: datetime | None = None,
    tz: ZoneInfo = UTC_ZONE,
) -> PatientPage:
    """A patient's check-ins, open flags, how coping skills went, and their thread with the counselor."""
    entries = sorted(repo.checkins(patient.patient_id), key=lambda e: e.ts)
    flags = [rules.label(k) for k in dict.fromkeys(open_flag_kinds(repo, patient))]
    names = skill_names or {}
    coping: list[tuple[str, str]] = [
        (names.get(f.skill_key, f.skill_key), f.helped) for f in repo.coping_feedback(patient.patient_id)
    ]
    messages = repo.messages(patient.patient_id)
    urgent = open_urgent(repo, patient.patient_id)
    checks = [
        datetime.fromisoformat(f["at"]) for f in repo.open_flags(patient.patient_id) if f["kind"] == CHECK
    ]
    erased = repo.erasure_of(patient.patient_id)
    recent = repo.acknowledged_since(now - LATELY) if now is not None else []
    lately = tuple(a for a in recent if a.patient_id == patient.patient_id)
    lately = tuple(sorted(lately, key=lambda a: a.created_at))
    deleted, how = erased if erased else (None, "")
    dated = tuple((rules.label(kind), when, n) for kind, when, n in grouped(_flag_days(repo, patient, tz)))
    return PatientPage(
        patient, entries, flags, coping[-5:], messages, urgent, checks, deleted, lately, how, dated
    )


def oldest_days(
    repo: Repository, patient: Patient, alerts: Sequence[Alert] | None = None
) -> tuple[tuple[str, date], ...]:
    """Each open flag kind with its oldest day, in the patient's zone (newcomer20 N206); none for a torn file."""
    try:
        found = _flag_days(repo, patient, patient.tz or UTC_ZONE, alerts)
    except RecordsUnavailable:
        return ()
    return tuple((kind, min(days)) for kind, days, _ in grouped(found))


def _flag_days(
    repo: Repository, patient: Patient, tz: ZoneInfo, alerts: Sequence[Alert] | None = None
) -> list[tuple[str, date]]:
    """Each open flag and open alert with the day it is about, oldest first; a non-urgent alert beside its own
    flag ("use mentioned" is both) once."""
    rows = repo.open_flags(patient.patient_id)
    days = [(str(f["kind"]), flag_day(str(f["kind"]), datetime.fromisoformat(f["at"]), f["details"], tz)) for f in rows]  # fmt: skip
    kinds = {kind for kind, _ in days}
    alerts = [
        a for a in (repo.open_alerts() if alerts is None else alerts) if a.patient_id == patient.patient_id
    ]
    return days + [
        (a.kind, a.created_at.astimezone(tz).date()) for a in alerts if a.urgent or a.kind not in kinds
    ]


def open_urgent(repo: Repository, patient_id: str) -> list[Alert]:
    """A patient's open urgent alerts, oldest first."""
    return [a for a in repo.open_alerts() if a.patient_id == patient_id and a.urgent]


def check_words(repo: Repository, patient_id: str, since: datetime) -> list[tuple[datetime, str, bool]]:
    """The words behind "worrying words" flags since a moment, newest first: (when, words, still open)."""
    rows = [r for r in repo.flags_of_kind(patient_id, CHECK) if datetime.fromisoformat(r["at"]) >= since]
    found = [
        (datetime.fromisoformat(r["at"]), str(r["details"].get("text", "")), r["ack"] is None) for r in rows
    ]
    return found[::-1]


def checkin_cells(entry: Entry, config: CheckinConfig) -> list[tuple[str, str | None]]:
    """Each answer as a counselor reads it at a glance: ("mood", "2/10"), ("sleep", "poor"), or
    ("used", None) for a skipped question."""
    cells: list[tuple[str, str | None]] = []
    for item in config.items:
        if item.kind == "text":
            continue
        value = entry.answers.get(item.key)
        word: str | None
        if value is None:
            word = None
        elif item.kind == "scale":
            word = f"{value}/{item.maximum}"
        else:
            word = next((o.label for o in item.options if o.value == value), str(value)).lower()
        cells.append((item.key.replace("_", " "), word))
    return cells


def notes(entries: list[Entry], last: int = 14) -> list[tuple[date, str]]:
    """The notes of the last check-ins, newest first, whole."""
    found = [(e.local_date, str(e.answers["note"])) for e in entries[-last:] if e.answers.get("note")]
    return found[::-1]
