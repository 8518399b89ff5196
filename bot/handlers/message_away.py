"""A patient's /message while their counselor is away (newcomer20 N212): who stands in, and what the patient is
told.

With the cover removed (the away falls back to on-call) and nobody on call, Alex's "anyone there? need to
reschedule" went to Dana only, away until Saturday, and Alex read "Dana Rivera usually replies within a working
day". Now a message goes to whoever stands in (on call, else an admin), and the patient is told the counselor is
away whatever the cover; when nobody can stand in, the patient is told that too, and the log says so loudly.
"""

from __future__ import annotations

import logging

from bot import texts
from bot.domain.models import Counselor, Patient
from bot.jobs.present import present_for
from bot.telegram.services import Services

log = logging.getLogger(__name__)


async def standing_for(svc: Services, patient: Patient) -> tuple[int, ...]:
    """Who stands in for the patient's counselor, away with no cover (on call, else the admins); () when they are
    not away or have a cover (a message then goes as it always did)."""
    present = await present_for(svc, patient.counselor_id)
    if present.away is None or present.away.cover is not None:
        return ()
    standing = present.stand_ins()
    if not standing:
        log.error(
            "patient %s: their counselor is away with nobody covering, on call or admin to reach: their message "
            "waits for the counselor's return (set a cover: iop-bot counselor away ... --cover)",
            patient.patient_id,
        )
    return standing


async def away_line(svc: Services, patient: Patient, to: Counselor) -> str | None:
    """The line above "Type your message for <to>" while the patient's counselor is away: who has it meanwhile,
    or that nobody does until they are back; None when they are not away."""
    present = await present_for(svc, patient.counselor_id)
    if present.away is None:
        return None
    name = await svc.db(svc.repo.counselor_name, patient.counselor_id) or ""
    es = patient.language == "es"
    if to.telegram_id != patient.counselor_id:
        line = texts.counselor_away_line_es if es else texts.counselor_away_line
        return line(name, present.away.until, to.name)
    return (texts.counselor_away_nobody_es if es else texts.counselor_away_nobody)(name, present.away.until)
