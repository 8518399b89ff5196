"""Who is present for a patient now, and notices about a patient told to all of them (newcomer20 N196 addenda,
N212).

A can't-come RSVP, a /delete, a /stop, a blocked bot: each notice went to "the patient's counselor" only, so while
Dana was on leave her cover heard nothing of what her patients did. While a counselor is away, whoever stands in
for them gets each notice too, with a line saying whose patient it is: their cover, else the on-call counselors,
else the admins (a cover removed with nobody on call must not leave a patient's words with someone on leave).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from telegram import Message
from telegram.error import TelegramError

from bot import texts
from bot.domain.away import Away
from bot.domain.models import Patient
from bot.jobs.reach import away_today, on_call_now, send_or_queue, stand_ins_now
from bot.telegram.services import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Present:
    """``who``: each person present for the counselor's patients, with why ("counselor", "cover", "on_call",
    "admin"); ``away``: the counselor's away row while they are away."""

    counselor_id: int
    away: Away | None = None
    who: dict[int, str] = field(default_factory=dict)

    def stand_ins(self) -> tuple[int, ...]:
        """Those present other than the counselor."""
        return tuple(to for to, why in self.who.items() if why != "counselor")


async def present_for(svc: Services, counselor_id: int) -> Present:
    """The counselor; while they are away also whoever stands in (``stand_ins_now``: the cover present at the end of
    their chain of covers, else the on-call counselors present, else the reachable admins)."""
    away = await away_today(svc, counselor_id)
    who = {counselor_id: "counselor"}
    if away is None:
        return Present(counselor_id, None, who)
    oncall = set(await on_call_now(svc))
    for to in await stand_ins_now(svc, counselor_id):
        who.setdefault(to, "cover" if to == away.cover else "on_call" if to in oncall else "admin")
    return Present(counselor_id, away, who)


async def with_note(svc: Services, patient: Patient, present: Present, to: int, text: str) -> str:
    """``text`` as ``to`` reads it: with the line saying whose patient, when ``to`` stands in."""
    why = present.who.get(to, "counselor")
    if why == "counselor" or present.away is None:
        return text
    name = await svc.db(svc.repo.counselor_name, patient.counselor_id) or texts.ANOTHER_COUNSELOR
    return f"{text}\n\n{texts.standing_in_note(patient.alias, name, present.away.until, why)}"


async def tell_present(bot: Any, svc: Services, patient: Patient, text: str) -> dict[int, Message | None]:
    """A notice about ``patient`` to everyone present for them, each sent now or kept for later
    (``send_or_queue``); returns each one's message (None when kept, or not sent: logged)."""
    present = await present_for(svc, patient.counselor_id)
    sent: dict[int, Message | None] = {}
    for to in present.who:
        try:
            sent[to] = await send_or_queue(bot, svc, to, await with_note(svc, patient, present, to, text))
        except TelegramError as exc:  # one person's failure never keeps the notice from the others
            log.error("notice about patient %s not sent to %s: %s", patient.patient_id, to, exc)
            sent[to] = None
    return sent
