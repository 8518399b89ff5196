"""Patients handed to a counselor who is away (newcomer22 N217: `counselor remove --reassign-to` and `patient
reassign` to someone on leave said nothing; the patient read "Your counselor is now Pat Kim … usually replies within a
working day" with no word that Pat was away): the admin is warned with who has them meanwhile, and each patient is
told so in their notice."""

from __future__ import annotations

from datetime import date, datetime

from bot import texts
from bot.config.settings import Settings
from bot.domain.away import away_now, standing
from bot.domain.checkins import local_date
from bot.store.repository import Repository


def away_target(
    repo: Repository, settings: Settings, now: datetime, to: int
) -> tuple[date, str | None] | None:
    """(the day they are back, who stands in meanwhile: the cover down the chain, else on-call present, else an
    admin; None when nobody) while ``to`` is away; None when they are not."""
    aways, today = repo.aways(), local_date(now, settings.tz)
    away = away_now(aways, today).get(to)
    if away is None:
        return None
    counselors = repo.counselors()
    staff = {c.telegram_id for c in counselors}
    admins = [c.telegram_id for c in counselors if c.role == "admin"]
    found = standing(aways, to, today, [o for o in settings.oncall if o in staff], admins)
    return away.until, (repo.counselor_name(found[0]) if found else None)


def away_warning(name: str, target: tuple[date, str | None]) -> str:
    """The admin's warning (stderr)."""
    until, who = target
    meanwhile = f"{who} stands in for them" if who else "nobody present stands in for them"
    return (
        f"{name} is away until {until.isoformat()}: {meanwhile} until then, and the patients moved are told so. To "
        f"name a cover: `iop-bot counselor away {name!r} --until {until.isoformat()} --cover NAME`"
    )


def patient_line(name: str, target: tuple[date, str | None], language: str) -> str:
    """The line under "Your counselor is now NAME" telling the patient they are away and who has their messages."""
    until, who = target
    es = language == "es"
    if who:
        return (texts.counselor_away_line_es if es else texts.counselor_away_line)(name, until, who)
    return (texts.counselor_away_nobody_es if es else texts.counselor_away_nobody)(name, until)
