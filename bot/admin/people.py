"""Roster changes (`iop-bot counselor remove`, `patient reassign`, `invite revoke`), each audit-logged.

A patient is never left without a counselor: a counselor with patients or open invitations is
removed only with ``--reassign-to``, which moves them all first.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import Any, TextIO

from bot import texts
from bot.admin import away
from bot.admin.away_target import away_target, away_warning, patient_line
from bot.admin.invitations import pending_warning, revoke_counselor_invites
from bot.admin.roster import AdminError, Operation, counselor_ref, not_enrolled
from bot.config.settings import Settings
from bot.domain.checkins import local_date
from bot.domain.enrollment import validate_alias
from bot.domain.models import Patient
from bot.store.message_data import Relayed
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable


def remove_counselor(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Remove a counselor; their patients and open invitations go to --reassign-to, or it is refused. One who
    has not opened their invitation yet: the invitation is revoked (newcomer9 N53)."""
    typed = str(args["telegram_id"]).strip()
    named = typed.isdigit() or any(c.name.casefold() == typed.casefold() for c in repo.counselors())
    if not named and (revoked := revoke_counselor_invites(repo, now, typed, _by(args))) is not None:
        return revoked
    leaving = counselor_ref(repo, now, args["telegram_id"], "COUNSELOR")
    gone, name = leaving.telegram_id, leaving.name
    patients = repo.patients(counselor_id=gone)
    invites = [c for c in repo.open_codes() if c.counselor_id == gone]
    to = args.get("reassign_to")
    if to is None and (patients or invites):
        raise AdminError(
            f"{name} still has {len(patients)} patient(s) and {len(invites)} open invitation(s); "
            "give --reassign-to NAME_OR_TELEGRAM_ID to move them to another counselor first"
        )
    if to is not None:
        to = counselor_ref(repo, now, to, "--reassign-to").telegram_id
        if to == gone:
            raise AdminError("--reassign-to: choose a different counselor")
    last_admin = leaving.role == "admin" and not any(
        c.role == "admin" and c.telegram_id != gone for c in repo.counselors()
    )
    if last_admin and not args.get("allow_no_admin"):
        # newcomer6 finding 11: this was said after the removal, when nothing could be done about it any more.
        raise AdminError(
            f"{name} is the last admin: without one the last escalation round and the bot's health notices "
            "reach no admin, and doctor fails. Nothing was changed. Make someone admin first "
            "(`iop-bot counselor add TELEGRAM_ID --name NAME --admin`), or add --allow-no-admin to remove "
            f"{name} anyway"
        )
    aways = repo.aways()  # ended or handed to on-call by the removal (newcomer18 O88): said below
    covered = [a for a in aways if a.cover == gone and a.until > local_date(now, settings.tz)]
    moves: list[dict[str, Any]] = []
    warnings = []
    if to is None:
        repo.remove_counselor(gone)
        repo.audit(now, 0, "counselor_removed", "-", by=_by(args), counselor=gone, reassigned_to=to)
    else:  # every patient moved with their open alerts, in one write: the bot sends one summary (roster.py)
        target = away_target(repo, settings, now, to)  # newcomer22 N217: handed to someone away
        moves = _reassign(repo, now, patients, to, _by(args), from_name=name, removed=gone, away_to=target)
        warnings += [away_warning(repo.counselor_name(to) or str(to), target)] if target else []
    # Told, once (ops O136: nothing said it, and their old cards read as someone else's).
    repo.add_notice(gone, texts.counselor_removed(repo.counselor_name(to) if to else None), now)
    out = {"name": name, "telegram_id": gone, "patients": len(patients), "invites": len(invites), "to": to}
    out["messages"] = sum(len(m["messages"]) for m in moves)
    if last_admin:
        # Newcomer finding 10-23: said for on-call, silent for the last admin, whom the last escalation
        # round and every health notice go to (removed anyway, with --allow-no-admin).
        warnings.append(
            f"{name} was the last admin: the last escalation round and the bot's health notices now reach no "
            "admin, and doctor fails; make someone admin (`iop-bot counselor add TELEGRAM_ID --name NAME --admin`)"
        )
    if gone in settings.oncall:  # settings are the operator's file: say so rather than leave a dead entry
        left = len([c for c in settings.oncall if c != gone and repo.counselor(c) is not None])
        warnings.append(
            f"{name} is on call in the settings file ([alerts] oncall): they get no more alerts from now on; "
            f"remove {gone} there; {left} other on-call counselor(s) remain"
            + ("" if left else ", so unacknowledged alerts escalate to the admins until you name someone")
        )
    if any(a.counselor_id == gone for a in aways):
        out["away_ended"] = True
    for a in covered:
        whose = repo.counselor_name(a.counselor_id) or str(a.counselor_id)
        warnings.append(
            f"{name} was covering for {whose}, away until {a.until.isoformat()}: their patients' urgent alerts "
            f"now go at once to the on-call counselors; to name another cover: `iop-bot counselor away "
            f"{whose!r} --until {a.until.isoformat()} --cover NAME`"
        )
    if warnings:
        out["warning"] = "\niop-bot: ".join(warnings)
    return out


def reassign_patient(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Give a patient another counselor (their data, flags and history stay with them)."""
    patient = repo.patient_by_alias(str(args["alias"]))
    if patient is None:
        raise AdminError(not_enrolled(repo, str(args["alias"])))
    counselor = counselor_ref(repo, now, args["counselor"], "--counselor")
    to, name = counselor.telegram_id, counselor.name
    if patient.counselor_id == to:
        raise AdminError(f"{patient.alias} is already with {name}")
    target = away_target(repo, settings, now, to)  # newcomer22 N217: handed to someone away
    (move,) = _reassign(repo, now, [patient], to, _by(args), from_name=None, removed=None, away_to=target)
    warning = "\niop-bot: ".join(
        w for w in (pending_warning(repo, to), target and away_warning(name, target)) if w
    )
    return {
        "alias": patient.alias,
        "name": name,
        "telegram_id": to,
        "patient_id": patient.patient_id,
        "from": patient.counselor_id,
        "alerts": move["alerts"],
        "messages": len(move["messages"]),
        # newcomer8 N11: handed to a counselor who never opened the bot, without a word.
        "warning": warning or None,
    }


def _by(args: dict[str, Any]) -> str:
    """Who ran the command (user@host), as the patient's own audit rows name it (newcomer7 N19: `iop-bot audit
    --patient` showed a command-line reassignment as done by "bot")."""
    return str(args.get("by") or "unknown")


def _reassign(
    repo: Repository,
    now: datetime,
    patients: list[Patient],
    to: int,
    by: str,
    *,
    from_name: str | None,
    removed: int | None,
    away_to: tuple[date, str | None] | None = None,
) -> list[dict[str, Any]]:
    """The patients to another counselor with their open alerts (newcomer finding 9-15: left with the old
    counselor they kept escalating to them, and the new one learned nothing), in one store write that also
    queues the new counselor's hand-over notice (ops O63: a crash part way moved some and told nobody; done
    with the bot stopped, the new counselor was never told). Returns the moves (alert and message ids each)."""
    name = repo.counselor_name(to)
    open_alerts = repo.open_alerts()
    moves: list[dict[str, Any]] = []
    notices: list[tuple[int, str]] = []
    for p in patients:
        alerts = [a.alert_id for a in open_alerts if a.patient_id == p.patient_id and a.counselor_id != to]
        # Their words to the old counselor nobody answered yet go with them (ops O97), each with its Reply.
        unanswered = _unanswered(repo, p, now)
        words = [m.message_id for m in unanswered]
        # A cover their unanswered message went to hears it left their hands (newcomer22 N226).
        for cover in {m.counselor_id for m in unanswered} - {p.counselor_id, to}:
            notices.append((cover, texts.cover_handed_on(p.alias, name or str(to))))
        moves.append(
            {"patient_id": p.patient_id, "from": p.counselor_id, "alerts": alerts, "messages": words}
        )
        if name and p.status in ("active", "aftercare"):
            # newcomer5 finding 12: nothing told the patient, whose next Reply was "for Morgan Lee", a stranger.
            # A notice the running bot sends (now, or when it next runs); one it cannot deliver is told.
            told = texts.counselor_changed(name, p.language)
            told += (
                f"\n{patient_line(name, away_to, p.language)}" if away_to else ""
            )  # away: who has it (N217)
            notices.append((p.telegram_id, told))
    old = patients[0].counselor_id if patients else None
    plan = {
        "to": to,
        "from": old,
        "from_name": from_name,
        "many": removed is not None,
        "by": by,
        "patients": moves,
    }
    repo.reassign(plan, now, notices, removed=removed)
    return moves


def _unanswered(repo: Repository, patient: Patient, now: datetime) -> list[Relayed]:
    try:
        return repo.unanswered(patient.patient_id, None, now)  # the cover's too (newcomer22 N226)
    except RecordsUnavailable:  # their file is refused: doctor and the start-up check say so already
        return []


def revoke_invite(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Revoke an open invitation by its alias, or a counselor's unopened one by their name (newcomer9 N53):
    the code then opens nothing."""
    typed = str(args["alias"])
    if not any(c.alias.casefold() == typed.strip().casefold() for c in repo.open_codes()):
        revoked = revoke_counselor_invites(repo, now, typed, _by(args))
        if revoked is not None:
            return revoked
    try:
        alias = validate_alias(typed)
    except ValueError as exc:
        raise AdminError(f"ALIAS: {exc}") from None
    found = [c for c in repo.open_codes() if c.alias.casefold() == alias.casefold()]
    if not found or not all(repo.revoke_code(c.code_hash) for c in found):
        raise AdminError(f"no open invitation for {alias!r} (see `iop-bot patient list`)")
    by, alias, counselor = _by(args), found[0].alias, found[0].counselor_id
    repo.audit(now, 0, "invitation_revoked", "-", by=by, alias=alias, counselor=counselor)
    return {"alias": found[0].alias}


OPERATIONS: dict[str, Operation] = {
    "counselor_remove": remove_counselor,
    "patient_reassign": reassign_patient,
    "invite_revoke": revoke_invite,
}


def add_parsers(sub: Any, counselor: Any, patient: Any) -> None:
    """`counselor remove`, `patient reassign` and `invite revoke`."""
    remove = counselor.add_parser(
        "remove",
        help="remove a counselor (their patients need --reassign-to); an unopened invitation: revoke it",
    )
    remove.add_argument("telegram_id", metavar="NAME_OR_TELEGRAM_ID")
    remove.add_argument("--reassign-to", metavar="NAME_OR_TELEGRAM_ID", dest="reassign_to")
    remove.add_argument(
        "--allow-no-admin",
        action="store_true",
        dest="allow_no_admin",
        help="remove the last admin anyway (refused without it)",
    )
    away.add_parser(counselor)  # `counselor away` (newcomer16 N141)
    reassign = patient.add_parser("reassign", help="give a patient another counselor")
    reassign.add_argument("alias")
    reassign.add_argument("--counselor", required=True, metavar="NAME_OR_TELEGRAM_ID")
    invite = sub.add_parser(
        "invite", help="invitations: patients' codes, counselors' unopened links"
    ).add_subparsers(dest="action", required=True)
    invite.add_parser(
        "revoke", help="revoke an open invitation (a patient's alias or a counselor's name): it opens nothing"
    ).add_argument("alias")


def handles(args: argparse.Namespace) -> str | None:
    """The operation for these arguments, if it is one of these."""
    return {
        ("counselor", "remove"): "counselor_remove",
        ("patient", "reassign"): "patient_reassign",
        ("invite", "revoke"): "invite_revoke",
        ("counselor", "away"): "counselor_away",
    }.get((str(args.command), str(getattr(args, "action", ""))))


def params(args: argparse.Namespace) -> dict[str, Any]:
    """The operation's parameters."""
    return {k: v for k, v in vars(args).items() if k not in ("command", "action")}


def report(op: str, r: dict[str, Any], out: TextIO) -> None:
    """One line saying what was done."""
    if op == "counselor_away":
        away.report(r, out)
    elif r.get("counselor_invitations"):
        n, role = r["counselor_invitations"], "admin" if r["role"] == "admin" else "counselor"
        what = f"{n} {role} invitations" if n > 1 else f"The {role} invitation"
        print(f"{what} for {r['alias']} revoked: nobody opened the link, and it no longer works.", file=out)
    elif op == "counselor_remove":
        moved = (
            f"; {r['patients']} patient(s) and {r['invites']} invitation(s) moved to {r['to']}"
            if r["to"]
            else ""
        )
        ended = " Their away (counselor away) ends with them." if r.get("away_ended") else ""
        print(f"Counselor {r['name']} ({r['telegram_id']}) removed{moved}.{ended}{_words(r)}", file=out)
        if r.get("warning"):
            print(f"iop-bot: {r['warning']}", file=sys.stderr)
    elif op == "patient_reassign":
        n = len(r.get("alerts", []))
        went = f"; their {n} open alert(s) went with them" if n else ""
        print(f"{r['alias']} is now with {r['name']} ({r['telegram_id']}){went}.{_words(r)}", file=out)
        if r.get("warning"):
            print(f"iop-bot: {r['warning']}", file=sys.stderr)
    else:
        print(f"The invitation for {r['alias']} is revoked; its code no longer works.", file=out)


def _words(r: dict[str, Any]) -> str:
    """Ops O97: patients' messages to the old counselor nobody answered go to the new one with their Reply."""
    n = int(r.get("messages") or 0)
    return (
        f" {n} unanswered patient message(s) of the last 7 days go to them too, each with its Reply."
        if n
        else ""
    )
