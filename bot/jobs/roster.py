"""What the running bot does after a roster change made with `iop-bot` (bot/admin/people.py).

The operation changes the store; the people it concerns hear of it here, at once, over Telegram. A removed
counselor is left out of every alert from now on by the escalation policy itself (bot/domain/escalation.py).
A reassignment's hand-over notice is queued in the store with the move (bot/store/roster_data.py): sent here
at once, or by the first sweep after the next start when the command ran with the bot stopped or a crash came
between the move and the send (ops O63).
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from telegram.error import TelegramError

from bot import texts
from bot.domain.escalation import rounds_due, with_unreachable
from bot.jobs.alert_groups import send_group
from bot.jobs.alerts import deliver_due, policy
from bot.jobs.handed_words import hand_over_words
from bot.jobs.reach import Unreachable, reachable_admins, send_or_queue, send_to_counselor
from bot.telegram.services import App

log = logging.getLogger(__name__)


async def counselor_removed(app: App, result: dict[str, Any]) -> None:
    """A removed counselor who was on call: loud when nobody of the settings' on-call list is left (the
    admins take the escalations and are told now), then whatever is due goes to who is still staff."""
    svc = app.bot_data.svc
    gone, name = int(result["telegram_id"]), str(result["name"])
    log.info("counselor %s removed: nothing more is sent to them", gone)
    # Their patients went to --reassign-to with their open alerts: one summary (gaps11 #4), not a card each.
    await send_handovers(app)
    if gone in svc.settings.oncall:
        removed = await svc.db(svc.repo.removed_counselors)
        left = [who for who in svc.settings.oncall if who not in removed]
        if left:
            log.warning("on-call counselor %s removed: %d other(s) still on call", gone, len(left))
        else:
            log.error(
                "on-call counselor %s removed and nobody else is on call: unacknowledged alerts escalate to "
                "the admins until [alerts] oncall names someone",
                gone,
            )
            admins = await reachable_admins(svc, exclude=gone)
            if not admins:
                log.error("no reachable admin could be told that nobody is on call")
            for admin in admins:
                try:
                    await send_to_counselor(app.bot, svc, admin.telegram_id, texts.oncall_removed(name))
                except TelegramError as exc:  # Unreachable included: already logged and marked
                    log.error("could not tell admin %s that nobody is on call: %s", admin.telegram_id, exc)
    await deliver_due(app)


async def patient_reassigned(app: App, result: dict[str, Any]) -> None:
    """`patient reassign`: the new counselor gets the patient's open alerts, the old one is told."""
    await send_handovers(app)


async def send_handovers(app: App) -> None:
    """Every queued hand-over notice, each once: after the command, and from each reminders sweep (5 s)."""
    svc = app.bot_data.svc
    async with svc.state.handovers_lock:  # the command's call and a sweep's must not both send one
        for row in await svc.db(svc.repo.pending_handovers):
            moved = list(row["patients"])
            named = row.get("from_name") or await svc.db(svc.repo.counselor_name, int(row["from"] or 0))
            try:
                if row.get("many"):
                    await hand_over_all(app, moved, str(named or texts.ANOTHER_COUNSELOR))
                else:
                    old, alerts = int(row["from"]), list(moved[0]["alerts"])
                    await hand_over(app, str(moved[0]["patient_id"]), old, alerts)
            except Exception:  # never tried again every 5 s: its alerts' own cards follow from the sweep
                log.exception("the hand-over of %d patient(s) to %s failed", len(moved), row.get("to"))
            try:  # after the card that says whose patients they are now (ops O97)
                await hand_over_words(app, moved, str(named or texts.ANOTHER_COUNSELOR))
            except Exception:  # they stay on the patients' pages; never tried again every 5 s
                log.exception("the unanswered messages handed to %s did not all go", row.get("to"))
            # Marked sent only after Telegram took it: a crash (kill -9) between the send and this write sends
            # it again at the next start, a repeat rather than a hand-over nobody hears of. One Telegram
            # refused is not retried (its alerts' own cards follow from the sweep, as hand_over says).
            await svc.db(svc.repo.handover_sent, int(row["id"]))


async def hand_over(
    app: App, patient_id: str, old: int, alert_ids: list[str], *, tell_old: bool = True
) -> None:
    """One message to the new counselor listing the open alerts that came with the patient (each with its
    buttons, recorded as delivered so their next reminder is a whole interval away), one to the old."""
    svc = app.bot_data.svc
    patient = await svc.db(svc.repo.patient, patient_id)
    if patient is None:
        return
    new, before = patient.counselor_id, await svc.db(svc.repo.counselor, old)
    after = await svc.db(svc.repo.counselor, new)
    from_name = before.name if before else texts.ANOTHER_COUNSELOR
    alias = patient.alias

    def title(lines: list[str]) -> str:
        return texts.handed_over(alias, from_name, lines)

    # Under the outbox's lock, so no sweep sends the moved alerts' own cards meanwhile (one that ran between
    # the move and this may have: they are listed here all the same, a repeat rather than a gap).
    async with svc.state.alerts_lock:
        now, rules = svc.now(), policy(svc.settings)
        moved = [
            a for a in await svc.db(svc.repo.open_alerts) if a.alert_id in alert_ids and a.counselor_id == new
        ]
        due = [(a, rounds_due(a, now, rules)[-1]) for a in moved]
        try:
            if due:
                await send_group(app, svc, new, due, title)
            else:
                await send_to_counselor(app.bot, svc, new, title([]))
        except Unreachable as exc:  # their alerts go to on-call and admins at once (the sweep below)
            log.error(
                "patient %s handed to %s, who %s: their open alerts are rerouted", patient_id, new, exc.reason
            )
            why = exc.reason
            for alert, _ in due:
                await svc.db(
                    svc.repo.change_alert, alert.alert_id, lambda a: with_unreachable(a, new, why), svc.now()
                )
        except TelegramError as exc:  # not recorded as delivered: the sweep below sends each alert's own card
            log.error("patient %s handed to %s: the handover was not delivered: %s", patient_id, new, exc)
    log.info("patient %s handed over to %s with %d open alert(s)", patient_id, new, len(due))
    if tell_old and after is not None:
        await send_or_queue(app.bot, svc, old, texts.handed_away(alias, after.name, len(due)))
    await deliver_due(app)


async def hand_over_all(app: App, moved: list[dict[str, Any]], from_name: str) -> None:
    """A removed counselor's patients, all moved to one counselor: one card naming every patient (paged
    when long), then their open alerts in as few cards as the buttons allow (each recorded as delivered)."""
    svc = app.bot_data.svc
    alert_ids = {str(a) for m in moved for a in m.get("alerts", [])}
    patients = [p for m in moved if (p := await svc.db(svc.repo.patient, str(m["patient_id"]))) is not None]
    if not patients:
        return
    new = patients[0].counselor_id
    async with svc.state.alerts_lock:  # as in hand_over: no sweep sends the moved alerts' own cards meanwhile
        now, rules = svc.now(), policy(svc.settings)
        found = [
            a for a in await svc.db(svc.repo.open_alerts) if a.alert_id in alert_ids and a.counselor_id == new
        ]
        due = [(a, rounds_due(a, now, rules)[-1]) for a in found]
        count = Counter(a.patient_id for a, _ in due)
        listed = sorted(((p.alias, count[p.patient_id]) for p in patients), key=lambda x: x[0].casefold())
        try:
            for page in texts.handed_over_many(from_name, listed):
                await send_to_counselor(app.bot, svc, new, page)
            if due:
                await send_group(app, svc, new, due, texts.handed_over_alerts)
        except Unreachable as exc:  # their alerts go to on-call and admins at once (the sweep below)
            log.error(
                "%d patients handed to %s, who %s: open alerts rerouted", len(patients), new, exc.reason
            )
            why = exc.reason
            for alert, _ in due:
                await svc.db(
                    svc.repo.change_alert, alert.alert_id, lambda a: with_unreachable(a, new, why), svc.now()
                )
        except TelegramError as exc:  # not recorded as delivered: the sweep below sends each alert's own card
            log.error("%d patients handed to %s: the handover was not delivered: %s", len(patients), new, exc)
    log.info("%d patient(s) handed over to %s with %d open alert(s)", len(patients), new, len(due))
    await deliver_due(app)
