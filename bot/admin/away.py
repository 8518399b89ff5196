"""`iop-bot counselor away NAME --until DATE [--cover NAME]` and `--back` (newcomer16 N141).

While a counselor is away their patients' urgent alerts go at once (round 0) to the cover, or to the on-call
counselors when there is none, as well as to them; on the day they are back it ends by itself. One index write a
change, and an `admin_counselor_away` audit row (bot/admin/operations.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TextIO

from bot import texts
from bot.admin.roster import AdminError, Operation, counselor_ref
from bot.config.settings import Settings
from bot.domain.away import Away, away_now
from bot.domain.checkins import local_date
from bot.domain.flag_rules import default_flag_rules
from bot.domain.reach import NOT_STARTED
from bot.store.repository import Repository
from bot.texts.handback import hand_back as hand_back_text
from bot.usecases.handback import hand_back


def add_parser(counselor: Any) -> None:
    """`counselor away` under `iop-bot counselor`."""
    away = counselor.add_parser(
        "away",
        help="mark a counselor away until a date: their patients' urgent alerts go at once to --cover "
        "(else on-call); --back ends it early",
    )
    away.add_argument("counselor", metavar="NAME_OR_TELEGRAM_ID")
    when = away.add_mutually_exclusive_group(required=True)
    when.add_argument("--until", metavar="YYYY-MM-DD", help="the day they are back (program time zone)")
    when.add_argument("--back", action="store_true", help="they are back now")
    away.add_argument("--cover", metavar="NAME_OR_TELEGRAM_ID", help="who stands in (default: on-call)")


def set_away(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Mark a counselor away (or back); refused with one line when the date or a name does not fit."""
    who = counselor_ref(repo, now, args["counselor"], "COUNSELOR")
    if args.get("back"):
        covers = {a.cover for a in repo.aways() if a.counselor_id == who.telegram_id and a.cover is not None}
        told = [(to, texts.away_back(who.name)) for to in (who.telegram_id, *covers)]
        # What happened meanwhile, as on the day it ends by itself (newcomer22 N226: the message a patient sent the
        # cover was not handed back): the alerts and the messages still waiting, to both.
        row = next((a for a in repo.aways() if a.counselor_id == who.telegram_id), None)
        if row is not None:
            back = hand_back(repo, row, now, settings.tz, default_flag_rules())
            parts = (back.counselor, back.cover, back.since, back.alerts, back.waiting)
            told.append((who.telegram_id, hand_back_text(*parts, to_cover=False)))
            told += [(to, hand_back_text(*parts, to_cover=True)) for to in covers]
        if not repo.end_away(who.telegram_id, told, now):
            raise AdminError(f"{who.name} is not marked away.")
        return {"name": who.name, "back": True}
    try:
        until = date.fromisoformat(str(args.get("until") or "").strip())
    except ValueError:
        raise AdminError("--until: give the day they are back as YYYY-MM-DD (e.g. 2026-12-14)") from None
    if until <= local_date(now, settings.tz):
        raise AdminError(
            f"--until {until.isoformat()}: that day has come already; give the day they are back"
        )
    cover = None
    if args.get("cover"):
        cover = counselor_ref(repo, now, args["cover"], "--cover")
        if cover.telegram_id == who.telegram_id:
            raise AdminError("--cover: someone else stands in for them")
        # newcomer18 N180: a cover who never opened the bot was accepted; every alert meant for them then
        # reached only the admins, who were not told the cover could not get it.
        # newcomer18 N169: two counselors each away covering the other were both accepted.
        gone = next((a for a in repo.aways() if a.counselor_id == cover.telegram_id), None)
        if gone is not None and gone.until > local_date(now, settings.tz):
            raise AdminError(
                f"--cover: {cover.name} is away too, until {gone.until.isoformat()}; choose someone present, or "
                "leave --cover out and the on-call counselors stand in"
            )
        reach = repo.reach(cover.telegram_id)
        if reach.state != "reachable":
            why = (
                NOT_STARTED if reach.state == "pending" else f"is unreachable ({reach.reason or NOT_STARTED})"
            )
            raise AdminError(
                f"--cover: {cover.name} {why}: no alert could reach them. Choose a cover who has opened the bot "
                "(`iop-bot counselor list`), or leave --cover out and the on-call counselors stand in"
            )
    told = [(who.telegram_id, texts.away_you(until, cover.name if cover else None))]
    told += [(cover.telegram_id, texts.away_cover(who.name, until))] if cover else []
    # A cover replaced is told they no longer cover (newcomer18 N151: Sam heard nothing when Morgan took over).
    before = next((a.cover for a in repo.aways() if a.counselor_id == who.telegram_id), None)
    if before is not None and before != (cover.telegram_id if cover else None):
        told.append((before, texts.away_cover_ended(who.name, cover.name if cover else None)))
    new = Away(who.telegram_id, until, cover.telegram_id if cover else None)
    chained, more = _chain(repo, settings, now, new)
    repo.set_away(new, told + more, now)
    done = {"name": who.name, "until": until.isoformat(), "cover": cover.name if cover else None}
    return {**done, "covers": chained} if chained else done


def _chain(
    repo: Repository, settings: Settings, now: datetime, new: Away
) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    """The away counselors the one marked away covers (newcomer22 N216: accepted without a word): who now has their
    patients, down the chain of covers, and the notices telling them and that person."""
    today = local_date(now, settings.tz)
    aways = [a for a in repo.aways() if a.counselor_id != new.counselor_id] + [new]
    present = away_now(aways, today)
    out: list[dict[str, Any]] = []
    told: list[tuple[int, str]] = []
    name = repo.counselor_name(new.counselor_id) or str(new.counselor_id)
    for a in aways:
        if a.cover != new.counselor_id or a.counselor_id not in present:
            continue
        theirs = repo.counselor_name(a.counselor_id) or str(a.counselor_id)
        now_with = present[a.counselor_id].cover
        stand_in = repo.counselor_name(now_with) if now_with is not None else None
        out.append({"for": theirs, "until": a.until.isoformat(), "now": stand_in})
        told.append((a.counselor_id, texts.away_cover_away(name, new.until, stand_in)))
        if now_with is not None:
            told.append((now_with, texts.away_cover_chain(theirs, name, min(a.until, new.until))))
    return out, told


def report(r: dict[str, Any], out: TextIO) -> None:
    """One line saying what was done."""
    if r.get("back"):
        print(f"{r['name']} is back: their patients' alerts go to them first again.", file=out)
        return
    who = r["cover"] or "the on-call counselors"
    print(
        f"{r['name']} is away until {r['until']}: their patients' urgent alerts go at once to {who} too. "
        "It ends by itself on that day (or with --back).",
        file=out,
    )
    for c in r.get("covers") or []:  # newcomer22 N216: they cover someone away
        who = c["now"] or "the on-call counselors present, else the admins"
        print(
            f"Note: {r['name']} covers {c['for']} (away until {c['until']}): {c['for']}'s patients now go to {who}"
            + (
                ""
                if c["now"]
                else f". Name a cover: iop-bot counselor away {c['for']!r} --until {c['until']} --cover NAME"
            ),
            file=out,
        )


OPERATIONS: dict[str, Operation] = {"counselor_away": set_away}
