"""/broadcast COHORT: a counselor writes one message, previews it, and sends it to the cohort.

Patients inside their quiet hours get it silently (no sound or buzz) rather than later.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.domain.quiet import quiet_now
from bot.domain.reach import BLOCKED
from bot.handlers.caseload import counselor_of
from bot.jobs.blocked import patient_blocked
from bot.jobs.reach import undeliverable
from bot.jobs.sending import send_paced
from bot.telegram.keyboards import answer_query, close_buttons, reply
from bot.telegram.services import Context
from bot.usecases.workspace import cohort_left_out, visible_patients

log = logging.getLogger(__name__)
WAIT_FOR = timedelta(minutes=10)


async def broadcast_command(update: Update, context: Context) -> None:
    """/broadcast COHORT: ask for the message (only cohorts with this counselor's patients)."""
    counselor = await counselor_of(update, context)
    if counselor is None or context.user_data is None:
        return
    svc = context.svc
    cohort = " ".join(context.args or []).strip()
    patients = await svc.db(visible_patients, svc.repo, counselor)
    cohorts = sorted({p.cohort for p in patients if p.cohort})
    if cohort not in cohorts:
        await reply(update, texts.broadcast_usage(cohorts))
        return
    context.user_data["broadcast"] = {"cohort": cohort, "since": svc.now(), "text": None}
    await reply(update, texts.broadcast_ask(cohort))


async def broadcast_text(update: Update, context: Context, text: str) -> bool:
    """The counselor's typed message: show a preview with Send / Cancel; False if no broadcast is open."""
    state = context.user_data.get("broadcast") if context.user_data is not None else None
    if not state or state["text"] is not None or context.svc.now() - state["since"] > WAIT_FOR:
        return False
    message = text[:3500]
    state["text"] = message
    svc = context.svc
    counselor = await svc.db(svc.repo.counselor, update.effective_user.id) if update.effective_user else None
    left_out = 0 if counselor is None else await svc.db(cohort_left_out, svc.repo, counselor, state["cohort"])
    cohort = [] if counselor is None else await svc.db(visible_patients, svc.repo, counselor)
    cohort = [p for p in cohort if p.cohort == state["cohort"]]
    to = [p for p in cohort if p.status == "active"]  # as confirm_button sends
    preview = texts.broadcast_preview(
        state["cohort"],
        message,
        left_out,
        [p.alias for p in to],
        [p.alias for p in to if p.language == "es"],
        [
            (p.alias, texts.STATUS_LABELS.get(p.shown_status, p.shown_status))
            for p in cohort
            if p.status != "active"
        ],
    )
    await reply(update, preview, [[(texts.BTN_SEND, "bc:send"), (texts.BTN_CANCEL_BROADCAST, "bc:no")]])
    return True


async def confirm_button(update: Update, context: Context) -> None:
    """ "bc:send" or "bc:no": send through the rate limit and report what was delivered."""
    query = update.callback_query
    assert query is not None and query.data is not None
    counselor = await counselor_of(update, context)
    if counselor is None or context.user_data is None:
        return
    state = context.user_data.pop("broadcast", None)
    await close_buttons(update)
    if not state or not state.get("text"):
        await answer_query(query, texts.STALE_BUTTON)
        return
    await answer_query(query)
    if query.data != "bc:send":
        await reply(update, texts.BROADCAST_CANCELLED)
        return
    svc = context.svc
    patients = await svc.db(visible_patients, svc.repo, counselor)
    targets = [p for p in patients if p.cohort == state["cohort"] and p.status == "active"]
    delivered = silent = 0
    failed: list[tuple[str, str | None]] = []  # (alias, why it can never arrive, or None: try again)
    for p in targets:
        # Not urgent, but not worth holding either: inside a patient's quiet hours it arrives silently.
        hush = quiet_now(svc.now(), p, svc.settings)
        try:
            # Paced with every sweep's sends, under Telegram's 30 messages/s.
            if p.counselor_id == counselor.telegram_id:
                message = texts.relayed(counselor.name, state["text"], p.language)
            else:  # an admin writing to a colleague's patients is not their counselor
                program = svc.settings.program_name
                message = texts.relayed_from_program(counselor.name, program, state["text"], p.language)
            await send_paced(context.application, p.telegram_id, message, disable_notification=hush)
            # In each patient's thread, so what they type next reaches this counselor as their reply.
            await svc.db(
                svc.repo.record_message,
                p.patient_id,
                "counselor",
                counselor.telegram_id,
                counselor.telegram_id,
                state["text"],
                svc.now(),
            )
            delivered += 1
            silent += hush
        except TelegramError as exc:
            reason = undeliverable(exc)
            failed.append((p.alias, reason))
            log.warning("broadcast to patient %s failed: %s", p.patient_id, exc)
            if reason == BLOCKED:  # said below, by name: marked so, not "active" everywhere
                await patient_blocked(context.application, p, told=True)
    await svc.db(
        svc.repo.audit,
        svc.now(),
        counselor.telegram_id,
        "broadcast",
        f"cohort:{state['cohort']}",
        delivered=delivered,
        failed=len(failed),
        silent=silent,
    )
    left_out = await svc.db(cohort_left_out, svc.repo, counselor, state["cohort"])
    not_active = [
        (p.alias, texts.STATUS_LABELS.get(p.shown_status, p.shown_status))
        for p in patients
        if p.cohort == state["cohort"] and p.status != "active"
    ]
    done = texts.broadcast_done(delivered, failed, left_out, not_active)
    await reply(update, f"{done}\n{texts.broadcast_silent(silent)}" if silent else done)
