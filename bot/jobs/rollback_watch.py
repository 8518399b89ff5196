"""Alerts and patients the audit log records and the data files lack (ops O142, P1 silent), told while the bot runs.

An older ``alerts.json`` put back dropped every alert raised since without a word: no card, no escalation, not in
/caseload. bot/jobs/audit_watch.py reads the whole chain 30 s after a start and daily, feeding a
bot/store/rollback.py ledger on the way; this sets it against what the store holds: an ERROR (ids, no names),
one ``data_rolled_back`` row per new finding, the admins told by name once a day while it lasts, and the count
in `doctor --live`.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import reachable_admins, send_to_counselor
from bot.store import rollback
from bot.store.rollback import Ledger, Missing
from bot.telegram.services import Services

log = logging.getLogger(__name__)
TOLD_EVERY = timedelta(days=1)
SHOWN = 10  # lines named in one notice


async def check_rollback(bot: object, svc: Services, ledger: Ledger, now: datetime) -> list[Missing]:
    """What the files lack of what ``ledger`` read; logged, recorded and told. Returns it."""
    state = svc.state
    missing = ledger.missing(*await svc.db(svc.repo.held_ids))
    idents = sorted(m.ident for m in missing)
    state.rolled_back = rollback.summary(missing) if missing else ""
    if not missing:
        state.rolled_back_ids = []
        return []
    if idents != state.rolled_back_ids:
        log.error("%s: %s; see `iop-bot doctor`", state.rolled_back, ", ".join(idents))
        alerts = [m.ident for m in missing if m.what == "alert"]
        patients = [m.ident for m in missing if m.what == "patient"]
        await svc.db(svc.repo.audit, now, 0, "data_rolled_back", "-", alerts=alerts, patients=patients)
        state.rolled_back_ids = idents
    key = "rollback:" + hashlib.sha256(",".join(idents).encode()).hexdigest()[:16]
    if not await svc.db(svc.repo.due_to_tell, key, now, TOLD_EVERY):
        return missing
    lines = []
    for m in missing[:SHOWN]:
        alias = await svc.db(svc.repo.alias_of, m.patient_id)
        lines.append(texts.missing_line(m.what, alias, m.ident, m.at.astimezone(svc.settings.tz)))
    admins = await reachable_admins(svc)
    if not admins:
        log.error("no reachable admin could be told that data files lack what the audit log records")
    for admin in admins:
        try:
            text = texts.rolled_back(lines, max(len(missing) - SHOWN, 0))
            await send_to_counselor(bot, svc, admin.telegram_id, text)
        except TelegramError as exc:  # Unreachable included: already logged and marked
            log.error("could not tell admin %s about data files put back: %s", admin.telegram_id, exc)
    return missing
