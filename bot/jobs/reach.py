"""Sending to counselors: a refusal that will not pass by itself marks them unreachable, loudly.

Telegram refuses for good when a person never started the bot, blocked it, or does not exist.
Such a send is not retried into the void: the counselor is marked unreachable (ERROR log), the
reachable admins are told once, and the caller reroutes what mattered.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram import Message
from telegram.error import BadRequest, Forbidden, TelegramError

from bot import texts
from bot.domain.away import Away, away_now, standing
from bot.domain.checkins import local_date
from bot.domain.escalation import on_call
from bot.domain.models import Counselor
from bot.domain.reach import BLOCKED, NOT_STAFF, NOT_STARTED, PENDING
from bot.telegram.services import App, Services
from bot.telegram.slow import SURE_READ_TIMEOUT

log = logging.getLogger(__name__)
NOTICE_EVERY = timedelta(days=1)  # a standing notice to the admins (nobody on call), at most this often


def undeliverable(exc: TelegramError) -> str | None:
    """Why a send can never succeed until the person acts ("has not started the bot"), else None.

    429s, 5xx and timeouts pass; these do not: Telegram says so in the error's description.
    """
    text = str(exc).lower()
    if isinstance(exc, Forbidden):
        return BLOCKED if "blocked" in text else NOT_STARTED
    if isinstance(exc, BadRequest) and "chat not found" in text:
        return NOT_STARTED
    return None


class Unreachable(Exception):
    """Telegram will not deliver to this person until they act; ``reason`` says why."""

    def __init__(self, to: int, reason: str) -> None:
        super().__init__(f"{to} {reason}")
        self.to, self.reason = to, reason


async def send_to_counselor(bot: Any, svc: Services, to: int, text: str, **kwargs: Any) -> Message:
    """Send, and keep the counselor's reachability true; raises Unreachable or other TelegramErrors.
    Only ever to a registered counselor (newcomer12 N67: a patient's id in [alerts] oncall got other patients'
    names and crisis kinds): to anyone else nothing is sent, and the caller reroutes as for a blocked bot."""
    if await svc.db(svc.repo.counselor, to) is None:
        log.error(
            "not sending to %s, who %s: what it carried goes to others (see [alerts] oncall)", to, NOT_STAFF
        )
        raise Unreachable(to, NOT_STAFF)
    try:
        # Waits long for Telegram's answer: a slow Telegram's late answer read as a failure sent the
        # counselor the alert twice (ops O47); the next sweep would send another copy.
        kwargs.setdefault("read_timeout", SURE_READ_TIMEOUT)
        message: Message = await bot.send_message(to, text, **kwargs)
    except TelegramError as exc:
        reason = undeliverable(exc)
        if reason is None:
            raise
        await mark_unreachable(bot, svc, to, reason)
        raise Unreachable(to, reason) from exc
    await mark_reachable(svc, to)
    return message


async def mark_reachable(svc: Services, to: int) -> bool:
    """Record that the bot can write to ``to``; True when that is news."""
    before = await svc.db(svc.repo.set_reach, to, "reachable", svc.now())
    return before.state != "reachable"


async def mark_unreachable(bot: Any, svc: Services, to: int, reason: str) -> None:
    """Record it; the first time, an ERROR and a note to every reachable admin.

    Someone who never started the bot stays *pending*: nothing changed, and the caller says what
    could not reach them.
    """
    if reason == NOT_STARTED and (await svc.db(svc.repo.reach, to)).state == "pending":
        return
    before = await svc.db(svc.repo.set_reach, to, "unreachable", svc.now(), reason)
    if before.state == "unreachable":
        return
    counselor = await svc.db(svc.repo.counselor, to)
    name = counselor.name if counselor else f"user {to}"
    log.error(
        "cannot reach counselor %s (%s), who %s: their alerts go to on-call and admins", to, name, reason
    )
    for admin in await reachable_admins(svc, exclude=to):
        try:
            await bot.send_message(admin.telegram_id, texts.counselor_unreachable(name, reason))
        except TelegramError as exc:
            log.error("could not tell admin %s that %s is unreachable: %s", admin.telegram_id, to, exc)


async def reachable_admins(svc: Services, exclude: int | None = None) -> list[Counselor]:
    """Admin counselors the bot can write to now."""
    counselors, reach = await svc.db(svc.repo.counselors), await svc.db(svc.repo.reaches)
    return [
        c
        for c in counselors
        if c.role == "admin"
        and c.telegram_id != exclude
        and reach.get(c.telegram_id, PENDING).state == "reachable"
    ]


async def staff(svc: Services) -> tuple[list[Counselor], frozenset[int]]:
    """The counselors, and who gets nothing whatever the settings say: the counselors removed since, and the
    ids in [alerts] oncall that are no registered counselor (newcomer12 N67: a patient's id there)."""
    counselors, removed = await svc.db(svc.repo.counselors), await svc.db(svc.repo.removed_counselors)
    registered = {c.telegram_id for c in counselors}
    return counselors, removed | {i for i in svc.settings.oncall if i not in registered}


async def on_call_now(svc: Services) -> tuple[int, ...]:
    """Who escalations go to now: [alerts] oncall less those not staff (bot/domain/escalation.py)."""
    counselors, gone = await staff(svc)
    return on_call(svc.settings.oncall, gone, [c.telegram_id for c in counselors if c.role == "admin"])


async def away_today(svc: Services, counselor_id: int) -> Away | None:
    """The counselor's away row while they are away today (None otherwise, or when it cannot be read: logged)."""
    try:
        return away_now(await svc.db(svc.repo.aways), local_date(svc.now(), svc.settings.tz)).get(
            counselor_id
        )
    except Exception:
        log.exception("counselor %s: whether they are away could not be read", counselor_id)
        return None


async def stand_ins_now(svc: Services, counselor_id: int) -> tuple[int, ...]:
    """Who stands in for this counselor while they are away (bot/domain/away.py ``standing``: their cover down the
    chain, else on-call, else the reachable admins, the last loudly); none when they are not away, or when it cannot
    be read (logged: the usual people)."""
    try:
        aways, today = await svc.db(svc.repo.aways), local_date(svc.now(), svc.settings.tz)
        away = away_now(aways, today).get(counselor_id)
        if away is None:
            return ()
        admins = [a.telegram_id for a in await reachable_admins(svc, exclude=counselor_id)]
        oncall = await on_call_now(svc)
        found = standing(aways, counselor_id, today, oncall, admins)
        if away.cover is None and not set(found) & set(oncall):
            log.error(
                "counselor %s is away with no cover or on-call counselor present: the admins stand in",
                counselor_id,
            )
        return found
    except Exception:
        log.exception("counselor %s: whether they are away could not be read", counselor_id)
        return ()


async def who_can_be_told(svc: Services, counselor_id: int) -> str:
    """ "counselor" when the patient's counselor is reachable, "team" when only on-call or admins
    are, "nobody" otherwise: what the patient may be promised. A counselor marked away is not promised while
    someone else can be told (newcomer16 N141: "I've let your counselor know" of one on leave)."""
    reach = await svc.db(svc.repo.reaches)

    def ok(person: int) -> bool:
        return reach.get(person, PENDING).state == "reachable"

    covering = await stand_ins_now(svc, counselor_id)
    if ok(counselor_id) and not covering:
        return "counselor"
    if any(ok(p) for p in (*covering, *await on_call_now(svc))) or await reachable_admins(svc):
        return "team"
    return "counselor" if ok(counselor_id) else "nobody"


async def warn_at_start(app: App) -> None:
    """With nobody on call an unacknowledged alert only repeats to the same person: say so loudly.

    The ERROR comes at every start; the admins are told in Telegram once a day at most, so a
    restart (or a few) does not repeat a notice they already have.
    """
    svc = app.bot_data.svc
    if svc.settings.oncall:
        await _warn_not_staff(app)
        return
    log.error(
        "no on-call counselors configured ([alerts] oncall is empty): unacknowledged alerts repeat to "
        "the same counselor only; `iop-bot doctor` fails until some are set"
    )
    admins = await reachable_admins(svc)
    if not admins or not await svc.db(svc.repo.due_to_tell, "no_oncall", svc.now(), NOTICE_EVERY):
        return
    for admin in admins:
        try:
            await send_to_counselor(app.bot, svc, admin.telegram_id, texts.no_oncall_warning())
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s that nobody is on call: %s", admin.telegram_id, exc)


async def _warn_not_staff(app: App) -> None:
    """On-call ids that are no registered counselor get nothing (send_to_counselor): say so at every start, and
    to the admins once a day, naming a patient's id as theirs (newcomer12 N67: it started silently)."""
    svc = app.bot_data.svc
    _, gone = await staff(svc)
    wrong = [i for i in svc.settings.oncall if i in gone and await svc.db(svc.repo.counselor, i) is None]
    if not wrong:
        return
    named = []
    for ident in wrong:
        patient = await svc.db(svc.repo.patient_by_telegram, ident)
        named.append((ident, patient.alias if patient else None))
    log.error(
        "[alerts] oncall names %s: not registered counselors, so they get nothing and their rounds go to the "
        "other on-call counselors (the admins when none is left); fix the settings file",
        ", ".join(str(i) for i in wrong),
    )
    admins = await reachable_admins(svc)
    if not admins or not await svc.db(svc.repo.due_to_tell, "oncall_not_staff", svc.now(), NOTICE_EVERY):
        return
    for admin in admins:
        try:
            await send_to_counselor(app.bot, svc, admin.telegram_id, texts.oncall_not_staff_warning(named))
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s about [alerts] oncall: %s", admin.telegram_id, exc)


async def tell_new_admin(app: App, telegram_id: int) -> None:
    """An admin the bot reaches for the first time hears at once that nobody is on call (newcomer finding
    9-14: following the README, the admin opens the bot after it started, so the start-up notice went to
    nobody). It counts as the day's notice, so the next restart does not repeat it."""
    svc = app.bot_data.svc
    counselor = await svc.db(svc.repo.counselor, telegram_id)
    if svc.settings.oncall or counselor is None or counselor.role != "admin":
        return
    await svc.db(svc.repo.due_to_tell, "no_oncall", svc.now(), NOTICE_EVERY)
    try:
        await send_to_counselor(app.bot, svc, telegram_id, texts.no_oncall_warning())
    except TelegramError as exc:  # Unreachable included: already logged and marked
        log.error("could not tell admin %s that nobody is on call: %s", telegram_id, exc)


async def send_or_queue(bot: Any, svc: Services, to: int, text: str) -> Message | None:
    """A notice that is not urgent: sent now, or kept (ERROR log) until the counselor opens the bot; when
    Telegram fails it now (a 500, a timeout), the notices' sweep (bot/jobs/reminders.py) tries it again (audit:
    the failure was raised, so the notice was lost, and with it the rest of what the caller was doing)."""
    try:
        return await send_to_counselor(bot, svc, to, text)
    except Unreachable as exc:
        if exc.reason == NOT_STAFF:  # never delivered to them, even if they open the bot (logged already)
            return None
        await svc.db(svc.repo.queue_text, to, text)
        log.error("notice to counselor %s kept for later: they %s", to, texts.of_them(exc.reason))
    except TelegramError as exc:
        await svc.db(svc.repo.add_notice, to, text, svc.now())
        log.error("notice to counselor %s failed (%s); it goes with the next sweep", to, exc)
    return None


async def tell_cover(bot: Any, svc: Services, alias: str, counselor: Counselor, reason: str) -> None:
    """On-call and admin counselors hear that a patient's message waits for ``counselor``, whom the bot
    cannot reach (``reason``: "has not started the bot"); never the words, never the counselor themself."""
    cover = dict.fromkeys([*await on_call_now(svc), *(a.telegram_id for a in await reachable_admins(svc))])
    for to in cover:
        if to != counselor.telegram_id:
            await send_or_queue(bot, svc, to, texts.message_waiting_cover(alias, counselor.name, reason))
