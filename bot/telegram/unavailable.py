"""A patient whose records cannot be opened: they are told kindly, and counselors are alerted once."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.domain.crisis_lines import lines_for
from bot.store.storage import RecordsUnavailable
from bot.telegram.services import App

log = logging.getLogger(__name__)


HELPED = "helped_update"  # chat_data: the update whose help (crisis answer, SOS) went out already


def mark_helped(update: Update, chat_data: dict[Any, Any] | None) -> None:
    """The help this update asked for was sent: a records failure after it must not read as if it was not."""
    if chat_data is not None:
        chat_data[HELPED] = update.update_id


async def tell_patient(
    update: object, app: App, error: RecordsUnavailable, *, helped: bool = False, passed: bool = False
) -> bool:
    """Answer the person whose update touched unreadable records (``helped``: after the help they asked
    for went out; ``passed``: their care team was told they wrote); False if there was no one to tell."""
    await alert_counselors(app, [error.patient_id])
    if not isinstance(update, Update) or update.effective_chat is None:
        return False
    svc = app.bot_data.svc
    patient = await svc.db(svc.repo.patient, error.patient_id)
    language = patient.language if patient is not None else "en"
    lines = lines_for(svc.settings, patient, language).lines  # newcomer8 N5: 988 in English in Spanish text
    user = update.effective_user
    # A counselor who opened that patient reads what it means for them (audit: they read the patient's "your
    # counselor has been told" and its crisis lines).
    counselor = user is not None and await svc.db(svc.repo.counselor, user.id) is not None
    try:
        if counselor:
            text = texts.records_unavailable_alert(patient.alias if patient is not None else texts.A_PATIENT)
        elif helped:
            text = texts.records_unavailable_after_help(language)
        elif passed:
            text = texts.records_unavailable_told(lines, language)
        else:
            text = texts.records_unavailable(lines, language)
        await update.effective_chat.send_message(text)
    except TelegramError:
        log.warning("could not tell patient %s that their records can't be opened", error.patient_id)
    return True


async def alert_counselors(app: App, patient_ids: Iterable[str], *, at_start: bool = False) -> None:
    """Tell each patient's counselor and every admin, once per patient while the bot runs."""
    svc = app.bot_data.svc
    alerted = svc.state.unavailable_alerted
    fresh = [pid for pid in patient_ids if pid not in alerted]
    if not fresh:
        return
    alerted.update(fresh)
    counselors = await svc.db(svc.repo.counselors)
    admins = {c.telegram_id for c in counselors if c.role == "admin"}
    patients = [p for p in [await svc.db(svc.repo.patient, pid) for pid in fresh] if p is not None]
    messages: dict[int, list[str]] = {}
    for p in patients:
        for who in {p.counselor_id, *admins}:
            messages.setdefault(who, []).append(p.alias)
    for who, aliases in messages.items():
        text = (
            texts.records_unavailable_at_start(aliases)
            if at_start
            else "\n\n".join(texts.records_unavailable_alert(a) for a in aliases)
        )
        try:
            await app.bot.send_message(who, text)
        except TelegramError as exc:
            log.error("could not alert counselor %s about unreadable patient records: %s", who, exc)
    ours = [p.patient_id for p in patients]
    if ours:
        log.error("records of patient(s) %s cannot be opened; counselors alerted", ", ".join(ours))
    if strangers := [pid for pid in fresh if pid not in ours]:  # newcomer13 O46: no such patient, nobody told
        log.error("files of %s cannot be opened and belong to no patient of this program: nobody was alerted "
                  "(`iop-bot doctor` names them)", ", ".join(strangers))  # fmt: skip
