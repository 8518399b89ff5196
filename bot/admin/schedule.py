"""Administrator operations for the schedule: cohorts and sessions (`iop-bot cohort|session ...`)."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta
from typing import Any

from bot import texts
from bot.admin.roster import AdminError, Operation, known_cohort
from bot.admin.session_notes import reminder_note, wall_time_problem
from bot.config.settings import Settings
from bot.domain.enrollment import invited, parse_clock
from bot.domain.sessions import Series, new_series_id, occurrences, parse_weekdays
from bot.store.repository import Repository

LIST_DAYS = 14


def add_cohort(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Register a cohort, e.g. "Evening IOP"."""
    name = str(args["name"]).strip()
    if not name or len(name) > 40:
        raise AdminError("cohort name must be 1-40 characters")
    if not repo.add_cohort(name, now):
        raise AdminError(f"cohort {name!r} already exists")
    return {"name": name}


def list_cohorts(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Cohorts with their patient and session counts, and the skill their skill of the day follows."""
    from bot.domain.coping import load_skills

    patients, series, skills = repo.patients(), repo.all_series(), load_skills()

    def focus(name: str) -> str:
        key = repo.cohort_focus(name)
        return "" if key is None else skills[key].name if key in skills else key

    return [
        {
            "cohort": name,
            "patients": sum(p.cohort == name and p.status == "active" for p in patients),
            "sessions": sum(s.cohort == name for s in series),
            "focus": focus(name),
        }
        for name in repo.cohorts()
    ]


def _clock(value: str) -> time:
    at = parse_clock(value)
    if at is None:
        raise AdminError(f"--time {value!r}: use HH:MM, e.g. 18:00")
    return at


def add_session(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """A recurring group session for a cohort, or a one-off individual session for a patient."""
    at = _clock(str(args["time"]))
    if args.get("cohort"):
        cohort = known_cohort(repo, args["cohort"])
        assert cohort is not None
        try:
            days = parse_weekdays(str(args.get("weekdays") or ""))
        except ValueError as exc:
            raise AdminError(f"--weekdays: {exc}") from None
        for other in repo.all_series():
            same_slot = other.kind == "group" and other.cohort == cohort and other.start == at
            if same_slot and not other.ended and set(other.weekdays) & set(days):
                raise AdminError(
                    f"{cohort} already meets at {at:%H:%M} on some of those days (session {other.series_id}); "
                    "cancel that one first (`iop-bot session cancel ID`)"
                )
        series = Series(
            new_series_id(),
            "group",
            at,
            int(args.get("duration") or 180),
            settings.timezone,
            cohort=cohort,
            weekdays=days,
        )
    elif args.get("patient"):
        who = _patient_or_invited(repo, str(args["patient"]), now)
        try:
            on = date.fromisoformat(str(args.get("date")))
        except ValueError:
            raise AdminError("--date: use YYYY-MM-DD") from None
        starts = datetime.combine(on, at, tzinfo=settings.tz)
        # newcomer18 N170: 2:30 AM on the spring-forward day was accepted though it never happens there.
        shift = wall_time_problem(on, at, settings)
        if shift == "skipped":
            raise AdminError(
                f"{at:%H:%M} on {on.isoformat()} does not exist in {settings.timezone} (the clocks go forward "
                "then); pick another time"
            )
        if starts <= now:
            # newcomer5 finding 39: a past date (a typo of the year, usually) was "added" and then showed
            # nowhere and reminded nobody.
            raise AdminError(
                f"--date {on.isoformat()} --time {at:%H:%M} is in the past ({settings.timezone}); "
                "check the year and month"
            )
        series = Series(
            new_series_id(),
            "individual",
            at,
            int(args.get("duration") or 50),
            settings.timezone,
            patient_id=who,
            on=on,
        )
    else:
        raise AdminError("give --cohort (group session) or --patient (individual session)")
    repo.add_series(series)
    notes = []
    if series.kind == "individual" and series.on is not None:
        if wall_time_problem(series.on, at, settings) == "repeated":
            notes.append(
                f"{at:%H:%M} happens twice on {series.on.isoformat()} in {settings.timezone} (the clocks go "
                "back): the first one is used"
            )
        if note := reminder_note(repo, settings, series, now):
            notes.append(note)
    return {"id": series.series_id, "kind": series.kind, "notes": notes}


def _patient_or_invited(repo: Repository, alias: str, now: datetime) -> str:
    """The patient id for an alias, or the invitation's placeholder for someone invited but not joined."""
    patient = repo.patient_by_alias(alias)
    if patient is not None:
        return patient.patient_id
    code = next(
        (c for c in repo.open_codes() if c.alias.casefold() == alias.casefold() and c.usable(now)), None
    )
    if code is None:
        raise AdminError(f"no patient or open invitation with alias {alias!r}")
    return invited(code.code_hash)


def list_sessions(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Occurrences in the next two weeks, soonest first."""
    aliases = {p.patient_id: p.alias for p in repo.patients()}
    aliases.update({invited(c.code_hash): f"{c.alias} (invited)" for c in repo.open_codes()})
    rows = []
    for s in repo.all_series():
        for occ in occurrences(s, now, now + timedelta(days=LIST_DAYS)):
            local = occ.starts_at.astimezone(settings.tz)
            who = s.cohort if s.kind == "group" else aliases.get(s.patient_id or "", "?")
            rows.append(
                {
                    "id": s.series_id,
                    "date": occ.local_day.isoformat(),
                    "time": f"{local:%H:%M}",
                    # The program's, named (newcomer14 N115: a Los Angeles patient's reminder said 16:00 for 18:00).
                    "zone": str(settings.tz),
                    "kind": s.kind,
                    "for": who,
                    "minutes": s.duration_min,
                }
            )
    return sorted(rows, key=lambda r: (r["date"], r["time"]))


def cancel_session(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Cancel one occurrence (--date) or the whole series; the patients expecting it are told."""
    series = repo.series(str(args["id"]))
    if series is None:
        raise AdminError(f"no session {args['id']!r} (see `iop-bot session list`)")
    upcoming = occurrences(series, now, now + timedelta(days=LIST_DAYS))
    if args.get("date"):
        day = str(args["date"])
        upcoming = [o for o in upcoming if o.local_day.isoformat() == day]
        if not upcoming:
            raise AdminError(f"session {series.series_id} has no upcoming meeting on {day}")
        repo.save_series(Series.from_dict({**series.to_dict(), "cancelled": [*series.cancelled, day]}))
    else:
        repo.save_series(Series.from_dict({**series.to_dict(), "ended": True}))
    expecting = [
        p
        for p in repo.patients()
        if (p.cohort == series.cohort if series.kind == "group" else p.patient_id == series.patient_id)
    ]
    affected = [p for p in expecting if p.status == "active"]
    # newcomer5 finding 30: the count said who "will be told", including someone who had blocked the bot.
    # Who gets a notice and who does not (and why) are named; the bot tells a counselor whose patient it
    # could not reach.
    not_told = [f"{p.alias} ({p.status})" for p in expecting if p.status != "active"] if upcoming else []
    for p in affected if upcoming else []:
        tz, es = p.tz or settings.tz, p.language == "es"
        ats = [occ.starts_at.astimezone(tz) for occ in upcoming]
        # One meeting: a date cancelled, or a one-off individual session (newcomer12 N80: it was told "from
        # now on (the next ones were …)", a series' wording).
        if args.get("date") or series.on is not None:
            notice = (texts.cancelled_notice_es if es else texts.cancelled_notice)(ats[0], None)
        else:  # the whole series: one notice naming its next meetings, not one each (gaps11 #8)
            notice = (texts.series_cancelled_notice_es if es else texts.series_cancelled_notice)(ats, None)
        repo.add_notice(p.telegram_id, notice, now)
    queued = [p.alias for p in affected] if upcoming else []
    return {"cancelled": len(upcoming), "notified": len(queued), "queued": queued, "not_told": not_told}


OPERATIONS: dict[str, Operation] = {
    "cohort_add": add_cohort,
    "cohort_list": list_cohorts,
    "session_add": add_session,
    "session_list": list_sessions,
    "session_cancel": cancel_session,
}


def add_parsers(sub: Any) -> None:
    """`cohort` and `session` sub-commands."""
    session = sub.add_parser("session", help="group and individual sessions").add_subparsers(
        dest="action", required=True
    )
    add = session.add_parser(
        "add", help="a weekly group session (--cohort) or a one-off individual one (--patient)"
    )
    add.add_argument("--cohort")
    add.add_argument("--weekdays", help="e.g. mon,wed,thu")
    add.add_argument("--patient", metavar="ALIAS")
    add.add_argument("--date", help="YYYY-MM-DD (individual sessions)")
    add.add_argument("--time", required=True, help="HH:MM in the program's time zone")
    add.add_argument("--duration", type=int, help="minutes (default 180 group, 50 individual)")
    session.add_parser("list", help="meetings in the next two weeks")
    cancel = session.add_parser(
        "cancel", help="cancel one meeting (--date) or a whole series; patients are told"
    )
    cancel.add_argument("id")
    cancel.add_argument("--date", help="YYYY-MM-DD: only that meeting")


def add_cohort_parsers(cohort: Any) -> None:
    """`cohort add` and `cohort list` (the `cohort` parser may hold other actions too)."""
    cohort.add_parser("add", help="register a cohort").add_argument("name")
    cohort.add_parser("list", help="cohorts with patient and session counts")


def params(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """The operation and its parameters for a parsed `cohort` or `session` command."""
    return f"{args.command}_{args.action}", {
        k: v for k, v in vars(args).items() if k not in ("command", "action")
    }
