"""`iop-bot doctor`: alerts and patients the audit log records that the data files lack (ops O142, P1 silent).

An older ``alerts.json`` put back (it decrypts: Fernet says who wrote a file, not when) dropped every alert raised
since, and doctor said ``ok   alerts: 7 urgent alert(s) open``. The audit log is read from its files (doctor reads
it anyway), the files' holdings asked of the bot (bot/admin/alert_status.py), and what the one has and the other
lacks is a FAIL, named, with what to do first: reach the patients.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import audit_log, rollback, rotation
from bot.store.audit_log import AuditLogRefused
from bot.store.crypto import FernetCodec
from bot.texts.rolled_back import missing_line

SHOWN = 10


def rolled_back_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """FAIL naming each alert raised (in the last 60 days) and each patient enrolled that the files lack."""
    data_dir = settings.data_dir
    if not (data_dir / "index.json").exists() or rotation.journal_path(data_dir).exists():
        return  # no program yet (the data dir check says so); mid-rotation the rotation check speaks
    from bot.admin.client import admin
    from bot.admin.doctor_set_aside import store_untouched

    if untouched := list(store_untouched(settings, "rolled back")):
        yield from untouched
        return
    ledger = rollback.ledger(now or datetime.now(UTC))
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    with contextlib.suppress(AuditLogRefused):  # a line that does not open is the audit check's FAIL
        for record in audit_log.records(data_dir, codec, check_chain=False):
            ledger.feed(record.row)
    held = admin(settings, "held_records", {})
    missing = ledger.missing(set(held["alerts"]), set(held["patients"]))
    if not missing:
        yield Finding(
            "rolled back", True, "every alert and patient the audit log records is in the data files"
        )
        return
    aliases: dict[str, str] = held["aliases"]
    lines = [
        missing_line(
            m.what,
            aliases.get(m.patient_id),
            m.ident,
            m.at.astimezone(settings.tz),
        )
        for m in missing[:SHOWN]
    ]
    more = f"; and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    yield Finding(
        "rolled back",
        False,
        f"{rollback.summary(missing)}: {'; '.join(lines)}{more}. The bot sends no card, reminder or escalation "
        "for an alert it does not hold: reach these patients yourselves now; then, with the bot stopped, put back "
        "the newest copy of the file you have (the last backup: `iop-bot restore` it into a new, empty dir and copy "
        "the file from there), and find out who changed the data dir",
    )
