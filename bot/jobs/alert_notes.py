"""The notes under an alert's card that depend on who reads it: why it reached them when they are not the
patient's counselor, whether the patient was told nobody answered."""

from __future__ import annotations

import logging
from datetime import datetime

from bot import texts
from bot.domain.escalation import Alert, on_call
from bot.domain.models import Patient
from bot.domain.reach import NOT_STARTED, PENDING
from bot.jobs.reach import away_today, staff
from bot.jobs.unanswered import DANGER, answered_beside
from bot.telegram.services import Services
from bot.usecases.alert_since import Since, words_since

log = logging.getLogger(__name__)


async def covering(svc: Services, alert: Alert, patient: Patient, alias: str, to: int) -> str:
    """Under an alert that reached someone other than the patient's counselor (paged access,
    bot/domain/paged.py): whose patient, why it reached them, what they can do. "On call" only to someone
    who is (newcomer6 finding 22: an admin not on call read "this reached you on call")."""
    counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
    whose = counselor.name if counselor else texts.ANOTHER_COUNSELOR
    counselors, gone = await staff(svc)
    admins = tuple(c.telegram_id for c in counselors if c.role == "admin")
    away = await away_today(svc, patient.counselor_id)  # the cover first, on call or not (newcomer16 N150)
    out = (
        await _cover_out(svc, alert, away.cover) if away is not None and away.cover not in (None, to) else ""
    )
    if away is not None and to == away.cover:
        why = "cover"
    elif out:  # nobody can act for the counselor away: whoever has it must know (newcomer18 N180)
        why = "cover_out"
    elif to in on_call(svc.settings.oncall, gone, admins):
        why = "on_call_away" if away is not None and away.cover is None else "on_call"
    elif to in alert.also:
        why = "earlier"
    elif to in admins:
        why = "admin"
    else:
        why = "other"
    reachable = patient.status != "withdrawn"  # the bot may not write after /stop
    until = away.until if away is not None else None
    cover = await svc.db(svc.repo.counselor_name, away.cover) if out and away and away.cover else None
    return texts.covering_note(
        alias,
        whose,
        reachable=reachable,
        why=why,
        until=until,
        cover=f"{cover or texts.ANOTHER_COUNSELOR} {out}",
    )


async def _cover_out(svc: Services, alert: Alert, cover: int | None) -> str:
    """Why the cover of an away counselor cannot be reached ("has not started the bot"), or "" when they can."""
    if cover is None:
        return ""
    refused = dict(alert.unreachable).get(cover)
    if refused:
        return refused
    reach = (await svc.db(svc.repo.reaches)).get(cover, PENDING)
    if reach.state == "reachable":
        return ""
    return reach.reason or NOT_STARTED


async def told(svc: Services, alert: Alert, alias: str, last: bool) -> str:
    """What the patient was told once nobody acknowledged by the last reminder (newcomer6 finding 32), or why
    they are not: another alert about them was acknowledged since (newcomer14 N112)."""
    tz = svc.settings.tz
    if alert.patient_told_at is not None:
        return f"\n⚠️ {texts.patient_told_note(alias, alert.patient_told_at.astimezone(tz))}."
    if alert.patient_untold:
        return f"\n⚠️ {texts.patient_untold_note(alias, alert.patient_untold)}."
    if alert.kind not in DANGER or not (last or alert.patient_held_at):
        return ""
    return await held(svc, alert, alias) or (f"\n{texts.told_on_last_reminder(alias)}" if last else "")


async def held(svc: Services, alert: Alert, alias: str) -> str:
    """Why the patient of this alert is not told nobody answered: another alert about them was acknowledged
    since it was raised (newcomer14 N112); "" when none was."""
    answer = await answered_beside(svc, alert.patient_id, alert.created_at)
    if answer is None or answer.acked_at is None:
        return ""
    by = await svc.db(svc.repo.counselor_name, answer.acked_by) if answer.acked_by else None
    at = answer.acked_at.astimezone(svc.settings.tz)
    return f"\n{texts.patient_held_note(alias, texts.alert_what(answer.kind), at, by or '')}"


async def since(svc: Services, alert: Alert, at: datetime | None) -> str:
    """How many messages the patient wrote after the alert, up to ``at``, and the worst reading among them: the
    "wrote again" cards went only to those it had reached then (newcomer14 N105)."""
    found = await words_after(svc, alert, at or svc.now())
    return texts.since_note(len(found.words), found.level, found.reasons) if found is not None else ""


async def words_after(svc: Services, alert: Alert, at: datetime) -> Since | None:
    """The words since the alert; None (logged) when they cannot be read: a note never keeps a card from going."""
    try:
        return await svc.db(words_since, svc.repo, alert, at)
    except Exception:
        log.exception("alert %s: the words written since it could not be read for its card", alert.alert_id)
        return None


async def rerouted(svc: Services, alert: Alert, to: int) -> str:
    """Why someone other than the patient's counselor gets this alert, when that is the reason."""
    why = dict(alert.unreachable).get(alert.counselor_id)
    if why is None or to == alert.counselor_id:
        return ""
    counselor = await svc.db(svc.repo.counselor, alert.counselor_id)
    return texts.rerouted_note(counselor.name if counselor else "their counselor", why)


def nobody_had(svc: Services, alert: Alert) -> bool:
    """Whether no card of this alert has gone to anyone: none recorded, none refused, none sent while a full disk
    kept its record (ops O83: its first card then says so, instead of reading as a missed reminder)."""
    sent = any(key[0] == alert.alert_id for key in svc.state.sent_unrecorded)
    return not (alert.deliveries or alert.unreachable or sent)
