"""A patient's records as CSV for their counselor: /export ALIAS and the page's Export button."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.models import Counselor, Patient
from bot.handlers.caseload import counselor_of
from bot.reports.export import as_file, checkins_csv, export_name, export_status, messages_csv, patient_rows
from bot.telegram.keyboards import reply
from bot.telegram.services import Context


async def send_export(update: Update, context: Context, counselor: Counselor, patient: Patient) -> None:
    """The patient's check-ins as a CSV document (said when records were set aside), and their messages too."""
    svc = context.svc
    # The program's zone, as `iop-bot export` writes it (newcomer14 N106: one check-in, two clock times).
    tz = svc.settings.tz
    entries = await svc.db(svc.repo.checkins, patient.patient_id)
    thread = await svc.db(svc.repo.messages, patient.patient_id)
    status = export_status(patient.shown_status)
    data = as_file(checkins_csv(patient_rows(patient.alias, entries, status), svc.checkin, tz))
    await svc.db(
        svc.repo.audit,
        svc.now(),
        counselor.telegram_id,
        "export",
        patient.patient_id,
        rows=len(entries),
        messages=len(thread),
    )
    if update.effective_chat is not None:
        await update.effective_chat.send_document(data, filename=export_name(patient.alias))
        if torn := await svc.db(svc.repo.checkins_set_aside, patient.patient_id):  # newcomer6 finding 12
            await update.effective_chat.send_message(texts.export_set_aside(patient.alias, len(torn)))
        if thread:
            names = {i: await svc.db(svc.repo.counselor_name, i) for i in {m.counselor_id for m in thread}}
            rows = [(m.at, m.sender, names[m.counselor_id] or str(m.counselor_id), m.text) for m in thread]
            await update.effective_chat.send_document(
                as_file(messages_csv(patient.alias, rows, tz)),
                filename=export_name(patient.alias, "messages"),
            )


async def export_command(update: Update, context: Context) -> None:
    """/export ALIAS: one patient's check-ins as CSV."""
    counselor = await counselor_of(update, context)
    if counselor is None:
        return
    svc = context.svc
    alias = " ".join(context.args or []).strip()
    if not alias:
        await reply(update, texts.EXPORT_USAGE)
        return
    patient = await svc.db(svc.repo.patient_by_alias, alias)
    if patient is None or not (counselor.role == "admin" or patient.counselor_id == counselor.telegram_id):
        await reply(update, texts.EXPORT_UNKNOWN)
        return
    await send_export(update, context, counselor, patient)
