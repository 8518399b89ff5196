"""Counselor basics: /patients lists their own caseload (the full workspace builds on this)."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.handlers.ui import reply
from bot.services import Context


async def patients_command(update: Update, context: Context) -> None:
    """/patients: the counselor's own patients and whether each finished set-up."""
    svc, user = context.svc, update.effective_user
    counselor = await svc.db(svc.repo.counselor, user.id) if user else None
    if counselor is None:
        # No hint of what exists: a refusal must not leak that this is a counselor command.
        await reply(update, texts.PATIENT_FALLBACK)
        return
    scope = None if counselor.role == "admin" else counselor.telegram_id
    patients = await svc.db(svc.repo.patients, counselor_id=scope)
    lines = [(p.alias, "set up" if p.is_set_up else "setting up") for p in patients]
    await reply(update, texts.caseload(lines))
