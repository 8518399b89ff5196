"""Administrator operations behind the CLI; they run in the bot process when it is up."""

from __future__ import annotations

import difflib
import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, TextIO

from bot.admin import invitations as admin_reach
from bot.config.settings import Settings
from bot.domain import pin
from bot.domain.enrollment import hash_code, new_code, validate_alias
from bot.domain.models import Counselor, EnrollmentCode
from bot.store.repository import AliasTaken, Repository


class AdminError(ValueError):
    """An operation was refused; the message says why in one line."""


Operation = Callable[[Repository, Settings, datetime, dict[str, Any]], Any]


@dataclass(frozen=True)
class OffStore:
    """What an operation hands back to be finished off the store thread (bot/admin/control.py): ``work`` runs
    on a thread of its own, then ``after`` on the store thread with its result, whose answer is the command's
    (ops O93: a backup held the store thread, and with it every patient, for its whole length)."""

    work: Callable[[], Any]
    after: Callable[[Repository, Any], Any]


def add_counselor(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Register a counselor by Telegram user id (pending until they start the bot), or invite one."""
    name = str(args["name"]).strip()
    role: Literal["counselor", "admin"] = "admin" if args.get("admin") else "counselor"
    if not name or len(name) > 64:
        raise AdminError("--name must be 1-64 characters")
    if args.get("telegram_id") is None:
        return admin_reach.invite_counselor(repo, now, name, role)
    telegram_id = int(args["telegram_id"])
    if telegram_id <= 0:
        raise AdminError(
            "TELEGRAM_USER_ID must be a positive number (ask the counselor to check @userinfobot)"
        )
    if repo.patient_by_telegram(telegram_id) is not None:
        raise AdminError(f"user {telegram_id} is enrolled as a patient and cannot also be a counselor")
    was = repo.counselor(telegram_id)
    if was is not None:
        role = _kept_role(repo, was, args)
    repo.add_counselor(Counselor(telegram_id=telegram_id, name=name, role=role))
    if was is not None and (was.role != role or was.name != name):
        details = {"was_name": was.name, "was_role": was.role, "name": name, "role": role}
        repo.audit(now, 0, "counselor_changed", "-", by=str(args.get("by") or "unknown"), **details)
    found = {"telegram_id": telegram_id, "name": name, "role": role, "reach": repo.reach(telegram_id).state}
    return {**found, "was": was.to_dict()} if was is not None else found


def _kept_role(repo: Repository, was: Counselor, args: dict[str, Any]) -> Literal["counselor", "admin"]:
    """Adding a counselor again keeps their role unless told (newcomer11 O23: renaming the only admin by
    `counselor add ID --name` made them a counselor silently, and no admin was left to get the last alert
    round and the bot's health notices). The last admin is never made a counselor."""
    if args.get("admin"):
        return "admin"
    if not args.get("not_admin"):
        return was.role
    admins = [c for c in repo.counselors() if c.role == "admin" and c.telegram_id != was.telegram_id]
    if was.role == "admin" and not admins:
        raise AdminError(
            f"{was.name} is the last admin: the last alert round and the bot's health notices go to admins. "
            "Make someone else an admin first (`iop-bot counselor add ID --name NAME --admin`); nothing was changed"
        )
    return "counselor"


def set_counselor_pin(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Store a counselor's PIN hash (made by the CLI, so the PIN never leaves it); resets any lockout."""
    counselor = counselor_ref(repo, now, args["counselor"], "--counselor")
    telegram_id = counselor.telegram_id
    try:
        pin.parse_hash(str(args["pin_hash"]))
    except ValueError:
        raise AdminError("the PIN hash is not valid; nothing changed") from None
    repo.set_counselor_pin(telegram_id, str(args["pin_hash"]))
    repo.audit(now, 0, "counselor_pin_set", "-", by=str(args.get("by") or "unknown"), counselor=telegram_id)
    return {"telegram_id": telegram_id, "name": counselor.name}


def read_new_pin(stdin: TextIO) -> str:
    """A new PIN's hash: typed twice without echo at a terminal, else the first line of stdin."""
    if stdin.isatty():
        typed = getpass.getpass(f"New PIN ({pin.PIN_DIGITS[0]}-{pin.PIN_DIGITS[1]} digits): ")
        if getpass.getpass("The same PIN again: ") != typed:
            raise AdminError("the two PINs differ; nothing changed")
    else:
        typed = stdin.readline().strip()
    try:
        return pin.hash_pin(typed)
    except ValueError as exc:
        raise AdminError(f"{exc}; nothing changed") from None


def list_counselors(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Every counselor with the size of their caseload and whether the bot can reach them."""
    return admin_reach.counselor_rows(repo, settings, now)


def counselor_ref(repo: Repository, now: datetime, raw: Any, flag: str) -> Counselor:
    """The counselor a command names, by Telegram user id or by name (as `counselor list` shows it).

    A counselor invited by link has no Telegram id until they open it; naming one is refused with what to do,
    because a patient (or their alerts) must never be given to someone the bot cannot yet reach.
    """
    typed = str(raw).strip()
    counselors = repo.counselors()
    if typed.isdigit():
        found = repo.counselor(int(typed))
        if found is None:
            raise AdminError(f"{flag}: no counselor with Telegram id {typed} (see `iop-bot counselor list`)")
        return found
    named = [c for c in counselors if c.name.casefold() == typed.casefold()]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        ids = ", ".join(str(c.telegram_id) for c in named)
        raise AdminError(f"{flag}: {len(named)} counselors are named {typed!r}; give the Telegram id ({ids})")
    invited = [i for i in repo.open_counselor_invites() if i.name.casefold() == typed.casefold()]
    if invited:
        raise AdminError(
            f"{flag}: {invited[0].name} has not opened their invitation yet, so the bot cannot reach them; "
            "ask them to open the link (or send /start with the code), then run this again (or, if it went "
            f"to the wrong person, revoke it: `iop-bot invite revoke {invited[0].name!r}`)"
        )
    # "marcus" for "Marcus Bell": a word of the name (newcomer6 finding 11), then near spellings of the whole.
    words = [c.name for c in counselors if typed.casefold() in c.name.casefold().split()]
    close = words or difflib.get_close_matches(typed, [c.name for c in counselors], n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else "see `iop-bot counselor list`"
    raise AdminError(f"{flag}: no counselor named {typed!r}; {hint}")


def not_enrolled(repo: Repository, alias: str) -> str:
    """Why a command finds no patient: an invitation not used yet is named, with what to do instead."""
    if any(c.alias.casefold() == alias.strip().casefold() for c in repo.open_codes()):
        return (
            f"{alias} has not used their invitation yet, so there is no patient record to change; "
            f"revoke it (`iop-bot invite revoke {alias}`) and enroll them again as needed"
        )
    return f"no patient with alias {alias!r} (see `iop-bot patient list`)"


def enroll(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Create a one-time enrollment code for a new patient of a counselor (by Telegram id or name)."""
    counselor_id = counselor_ref(repo, now, args["counselor"], "--counselor").telegram_id
    try:
        alias = validate_alias(str(args["alias"]))
    except ValueError as exc:
        raise AdminError(f"--alias: {exc}") from None
    cohort = known_cohort(repo, args.get("cohort"))
    # None: not given. 0 is refused like -5 (newcomer9 N50: `--days 0` silently made a 7-day code).
    days = settings.enrollment_code_days if args.get("days") is None else int(args["days"])
    if not 1 <= days <= 90:
        raise AdminError("--days must be between 1 and 90")
    code = new_code()
    invitation = EnrollmentCode(
        code_hash=hash_code(code),
        alias=alias,
        counselor_id=counselor_id,
        cohort=cohort,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    try:
        repo.add_code(invitation)
    except AliasTaken:
        raise AdminError(_alias_taken(repo, alias)) from None
    out = {"code": code, "alias": alias, "expires_at": invitation.expires_at.isoformat()}
    return {**out, "warning": admin_reach.pending_warning(repo, counselor_id)}


def _alias_taken(repo: Repository, alias: str) -> str:
    taken = repo.patient_by_alias(alias)
    if taken is not None and taken.status == "withdrawn":
        # newcomer5 finding 43: the counselor chose another alias and nothing said what would happen.
        return (
            f"alias {alias!r} belongs to a patient who withdrew (/stop). If they are coming back, enroll them "
            "under another alias: when the same Telegram account uses the code and agrees again, their "
            "earlier record (check-ins, messages, safety plan) is theirs again under the new alias"
        )
    return f"alias {alias!r} is already in use; choose another"


def known_cohort(repo: Repository, name: Any) -> str | None:
    """A cohort name that exists (None for none); a typo is refused with the nearest names."""
    if not name:
        return None
    typed, cohorts = str(name).strip(), repo.cohorts()
    if typed in cohorts:
        return typed
    same = [c for c in cohorts if c.casefold() == typed.casefold()]
    close = same or difflib.get_close_matches(typed, cohorts, n=3, cutoff=0.6)
    hint = (
        f"did you mean {' or '.join(repr(c) for c in close)}?"
        if close
        else "add it with `iop-bot cohort add`"
    )
    raise AdminError(f"no cohort {typed!r}; {hint} (known: {', '.join(cohorts) or 'none yet'})")


def list_patients(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Enrolled patients, then invitations not yet used; the counselor by name, as `counselor list` and
    `--counselor` know them (newcomer6 finding 11: a bare Telegram id told an operator nothing)."""
    names = {c.telegram_id: c.name for c in repo.counselors()}

    def counselor(telegram_id: int) -> str:
        # One no longer registered (an undone reassignment, a removal) is said so: doctor fails on it too.
        return names.get(telegram_id) or f"{telegram_id} (not a counselor now)"

    rows: list[dict[str, Any]] = [
        {
            "alias": p.alias,
            "status": p.status if p.is_set_up else "setting up",
            "counselor": counselor(p.counselor_id),
            "cohort": p.cohort or "",
            "timezone": p.timezone or "",
            "checkin_time": p.checkin_time.strftime("%H:%M") if p.checkin_time else "",
            "language": p.language,
        }
        for p in repo.patients()
    ]
    for c in repo.open_codes():
        rows.append(
            {
                "alias": c.alias,
                "status": "invited" if c.usable(now) else "invitation expired",
                "counselor": counselor(c.counselor_id),
                "cohort": c.cohort or "",
                "timezone": "",
                "checkin_time": "",
            }
        )
    return rows


def cohort_focus(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Set (or, with "off", clear) the skill a cohort's skill-of-the-day prompts follow."""
    from bot.domain.coping import find_skill, load_skills, near_skills

    cohort, key = str(args["cohort"]).strip(), str(args["skill"]).strip()
    known = set(repo.cohorts()) | {p.cohort for p in repo.patients() if p.cohort}
    if cohort not in known:
        raise AdminError(f"no cohort {cohort!r}; known cohorts: {', '.join(sorted(known)) or 'none yet'}")
    skills = load_skills()
    skill = None if key == "off" else find_skill(skills, key)  # the key, or the name /cope shows
    if key != "off" and skill is None:
        if near := near_skills(skills, key):
            hint = " or ".join(f"{s.name.lower()!r} ({s.key})" for s in near)
            raise AdminError(f"no skill {key!r}; did you mean {hint}?")
        raise AdminError(f"no skill {key!r}; valid skill keys: {', '.join(sorted(skills))}, or off")
    repo.set_cohort_focus(cohort, skill.key if skill else None, now)
    return {"cohort": cohort, "skill": skill.key if skill else None, "name": skill.name if skill else None}


OPERATIONS: dict[str, Operation] = {
    "cohort_focus": cohort_focus,
    "counselor_add": add_counselor,
    "counselor_list": list_counselors,
    "counselor_set_pin": set_counselor_pin,
    "enroll": enroll,
    "patient_list": list_patients,
}
