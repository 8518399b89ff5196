"""Counselor digests: one repeating sweep sends every pre-group and daily digest that is due.

Like the reminder sweep, nothing lives in the JobQueue but the sweep, so a restart loses nothing:
what is due is derived from stored data (sessions, counselors' daily times). Each digest is claimed
in the index (counselor + series + date, or counselor + day) before it goes out, so it is never sent
twice, even across restarts; a pre-group digest the bot was down for is skipped once the session
has started. Quiet hours protect patients; a digest is work the counselor asked for (their own time,
or their own group), so inside quiet hours it still goes out, only silently. A counselor whose PIN
is locked gets a notice with counts only and a "Show digest" button (bot/handlers/digest.py).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot import texts
from bot.config.settings import Settings
from bot.domain import pin
from bot.domain.checkins import local_date
from bot.domain.digest import (
    SHOW_PREFIX,
    Attendee,
    DailyDigest,
    DailyRow,
    Digest,
    GroupDigest,
    attendee,
    by_attention,
    daily_row,
    due_daily_digests,
    due_group_digests,
    morning_digest,
    rsvp_for,
)
from bot.domain.flag_rules import UNREADABLE
from bot.domain.models import Counselor, Patient
from bot.domain.triage import FlagRules
from bot.jobs.clock_hold import held
from bot.jobs.digest_handled import FIRST, handled_since, unacked_alerts, waiting_replies
from bot.jobs.digest_send import not_written, send
from bot.store.repository import Repository
from bot.telegram.keyboards import Buttons
from bot.telegram.services import App, Context, Services
from bot.texts.digest_handled import handled_section, waiting_section
from bot.usecases.workspace import digest_patients, oldest_days, readable

log = logging.getLogger(__name__)
INTERVAL = 30.0  # seconds between sweeps: a digest goes out at most this late
# Names to tap: the ones who need attention, most urgent first, three a row; a name with no button is said
# (newcomer7 N32: with nine flagged, the ninth had none and nothing said why).
MAX_BUTTONS, PER_ROW = 30, 3


def schedule(app: App) -> None:
    """Start the sweep (at start-up)."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=2.0, name="digests")


async def _sweep_job(context: Context) -> None:
    """Send every counselor digest that is due."""
    await sweep(context.application)


def due_digests(repo: Repository, settings: Settings, now: datetime) -> list[Digest]:
    """Every digest due now, to registered counselors only (store thread)."""
    counselors = {c.telegram_id for c in repo.counselors()}
    by_cohort: dict[str, set[int]] = {}
    for p in repo.patients():
        if p.status == "active" and p.cohort and p.counselor_id in counselors:
            by_cohort.setdefault(p.cohort, set()).add(p.counselor_id)
    group = due_group_digests(repo.all_series(), by_cohort, settings.digest_pre_group_minutes, now)
    prefs = [p for p in repo.digest_prefs() if p.counselor_id in counselors]
    return [*group, *due_daily_digests(prefs, settings.tz, now)]


def _today(patient: Patient, settings: Settings, now: datetime) -> date:
    return local_date(now, patient.tz or settings.tz)


def _attendees(
    repo: Repository,
    settings: Settings,
    counselor: Counselor,
    digest: GroupDigest,
    now: datetime,
    rules: FlagRules,
) -> tuple[list[Attendee], int]:
    """The pre-group digest's patients, most urgent first, and how many are another counselor's (an admin
    sees the whole cohort; newcomer6 finding 8: "3 patients of yours" listed a colleague's two) (store thread)."""
    occ = digest.occurrence
    cohort = occ.series.cohort or ""
    people = [p for p in digest_patients(repo, counselor, now) if p.cohort == cohort and p.status == "active"]
    others = sum(p.counselor_id != counselor.telegram_id for p in people)
    rows = []
    for p in people:
        # A torn file: its line says so. An answer for another session is not this one's (newcomer18 N154).
        entries, kinds = readable(repo, p, session=occ.key)
        answers = [] if UNREADABLE in kinds else repo.rsvps(p.patient_id)
        rsvp = rsvp_for(answers, occ.key)
        rows.append(attendee(p.patient_id, p.alias, entries, _today(p, settings, now), kinds, rsvp, rules))
    return by_attention(rows), others


def _daily_rows(
    repo: Repository, settings: Settings, counselor: Counselor, now: datetime, rules: FlagRules
) -> list[DailyRow]:
    """The daily digest's patients, most urgent first (store thread): the active ones, and anyone else with
    an open alert (a patient who withdrew with /stop in crisis is the one the bot can no longer reach)."""
    alerted = {a.patient_id for a in repo.open_alerts()}
    rows = []
    for p in digest_patients(repo, counselor, now):
        if p.status != "active" and p.patient_id not in alerted:
            continue
        entries, kinds = readable(repo, p, today=_today(p, settings, now))  # a torn file: its line says so
        enrolled = local_date(p.enrolled_at, p.tz or settings.tz)
        row = daily_row(
            p.patient_id, p.alias, entries, kinds, _today(p, settings, now), enrolled, rules, p.shown_status
        )
        # Each flag's oldest day, by its label (newcomer20 N206: undated flags read the same at three days).
        oldest = [(rules.label(k), d) for k, d in oldest_days(repo, p)]
        days = tuple(min((d for label, d in oldest if label == f), default=None) for f in row.flags)
        rows.append(replace(row, missed=0, days=days) if UNREADABLE in kinds else replace(row, days=days))
    return by_attention(rows)


def group_screen(
    repo: Repository,
    settings: Settings,
    counselor: Counselor,
    digest: GroupDigest,
    now: datetime,
    rules: FlagRules,
) -> tuple[str, Buttons]:
    """The pre-group digest and its buttons (store thread)."""
    rows, others = _attendees(repo, settings, counselor, digest, now, rules)
    occ = digest.occurrence
    at, today = occ.starts_at.astimezone(settings.tz), local_date(now, settings.tz)
    urgent = [(r.alias, f"pv:{r.patient_id}") for r in rows if r.needs_attention]
    # About the group, as its header (newcomer9 N54: the caseload's alerts were listed under the group's counts);
    # the caseload's other alerts are a count, so none goes unsaid.
    unacked = unacked_alerts(repo, settings, counselor, rules, within={r.patient_id for r in rows}, now=now)
    elsewhere = sum(u[1] for u in unacked_alerts(repo, settings, counselor, rules, now=now)) - sum(
        u[1] for u in unacked
    )
    # The group's alerts of the last day acknowledged already (newcomer21 N188: the crisis an hour before, unsaid).
    seen, day = {r.patient_id: r.alias for r in rows}, now - FIRST
    handled = handled_section(handled_since(repo, settings, counselor, seen, day, rules), day, True)
    text = texts.group_digest(
        occ.series.cohort or "",
        at,
        today,
        rows,
        others=others,
        urgent=unacked,
        elsewhere=elsewhere,
        handled=handled,
    )
    return _with_buttons(text, urgent)


def daily_screen(
    repo: Repository,
    settings: Settings,
    counselor: Counselor,
    digest: DailyDigest,
    now: datetime,
    rules: FlagRules,
) -> tuple[str, Buttons]:
    """The daily digest and its buttons (store thread)."""
    rows = _daily_rows(repo, settings, counselor, now, rules)
    urgent = [(r.alias, f"pv:{r.patient_id}") for r in rows if r.flags or r.missed]
    # A morning digest says how yesterday went; alerts raised since the last digest are marked (newcomer16 N137).
    yesterday = digest.local_day - timedelta(days=1) if morning_digest(now, settings.tz) else None
    last = repo.last_daily_digest_at(counselor.telegram_id, digest.key)
    seen = {p.patient_id: p.alias for p in digest_patients(repo, counselor, now)}
    new = {
        seen[a.patient_id]
        for a in repo.open_alerts()
        if a.patient_id in seen and last and a.created_at > last
    }
    unacked = unacked_alerts(repo, settings, counselor, rules, now=now)
    since = (last or now - FIRST).astimezone(settings.tz)  # the night's acknowledged alerts too (N153, N199)
    handled = handled_section(
        handled_since(repo, settings, counselor, seen, since, rules), since, last is None
    )
    handled += waiting_section(waiting_replies(repo, seen, now, settings.tz))  # newcomer20 N194
    text = texts.daily_digest(
        digest.local_day,
        rows,
        unacked,
        yesterday=yesterday,
        new=new,
        last=last and last.astimezone(settings.tz),
        handled=handled,
    )
    return _with_buttons(text, urgent)


def _with_buttons(text: str, names: list[tuple[str, str]]) -> tuple[str, Buttons]:
    """The digest with a button for each name that needs attention (up to ``MAX_BUTTONS``, rows of three)."""
    shown = names[:MAX_BUTTONS]
    if len(names) > len(shown):
        text += "\n" + texts.digest_more_names(len(shown), len(names) - len(shown))
    return text, [shown[i : i + PER_ROW] for i in range(0, len(shown), PER_ROW)]


def notice(
    repo: Repository,
    settings: Settings,
    counselor: Counselor,
    digest: Digest,
    now: datetime,
    rules: FlagRules,
) -> tuple[str, Buttons]:
    """The digest while the counselor is locked: how many need attention, and a button (store thread)."""
    if isinstance(digest, GroupDigest):
        at, today = digest.occurrence.starts_at.astimezone(settings.tz), local_date(now, settings.tz)
        count = sum(a.needs_attention for a in _attendees(repo, settings, counselor, digest, now, rules)[0])
        unacked = sum(u[1] for u in unacked_alerts(repo, settings, counselor, rules, now=now))
        text = texts.group_digest_notice(at, today, count, unacked)
    else:
        count = sum(bool(r.flags or r.missed) for r in _daily_rows(repo, settings, counselor, now, rules))
        unacked = sum(u[1] for u in unacked_alerts(repo, settings, counselor, rules, now=now))
        text = texts.daily_digest_notice(digest.local_day, count, unacked)
    return text, [[(texts.BTN_SHOW_DIGEST, f"{SHOW_PREFIX}{digest.key}")]]


def locked(repo: Repository, settings: Settings, counselor_id: int, now: datetime) -> bool:
    """True when patient data needs the PIN first. Only reads: a push must not extend the unlock."""
    record = repo.counselor_pin(counselor_id)
    if record is None:  # no PIN: locked only where the program requires one (the guard would refuse)
        return settings.counselor_require_pin
    return not pin.is_unlocked(record.state, now)


def full(svc: Services, counselor: Counselor, digest: Digest, action: str) -> tuple[str, Buttons]:
    """The whole digest from current data, audited under ``action`` (store thread)."""
    repo, settings, now = svc.repo, svc.settings, svc.now()
    if isinstance(digest, GroupDigest):
        screen = group_screen(repo, settings, counselor, digest, now, svc.flag_rules)
    else:
        screen = daily_screen(repo, settings, counselor, digest, now, svc.flag_rules)
    repo.audit(now, counselor.telegram_id, action, digest.key)
    return screen


def compose(svc: Services, digest: Digest) -> tuple[str, Buttons] | None:
    """The digest's text and buttons, or a notice if locked; None when the counselor is gone (store thread)."""
    repo, settings, now = svc.repo, svc.settings, svc.now()
    counselor = repo.counselor(digest.counselor_id)
    if counselor is None:
        return None
    if locked(repo, settings, counselor.telegram_id, now):
        repo.audit(now, counselor.telegram_id, "digest_notice_sent", digest.key)
        return notice(repo, settings, counselor, digest, now, svc.flag_rules)
    return full(svc, counselor, digest, "digest_sent")


async def sweep(app: App) -> int:
    """One pass: returns how many digests were sent."""
    svc = app.bot_data.svc
    handled = svc.state.digests_handled
    sent = 0
    if held(svc, "counselor digests"):  # "Before group today" two days early (ops O76)
        return sent
    for digest in await svc.db(due_digests, svc.repo, svc.settings, svc.now()):
        if digest.key in handled:
            continue
        handled.add(digest.key)
        if not await svc.db(svc.repo.claim_digest, digest.key, svc.now()):
            continue  # sent before a restart
        try:
            screen = await svc.db(compose, svc, digest)
        except Exception:
            await not_written(app, svc, digest)  # claimed but never written: never taken for sent
            continue
        if screen is not None:
            sent += await send(app, svc, digest, *screen)
    return sent
