"""Every administrator operation by name: what the CLI and the control socket may run."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.admin import alert_status, away, backup, digest_status, leaving, retention_status
from bot.admin import people as admin_people
from bot.admin import records as admin_records
from bot.admin import roster as admin
from bot.admin import schedule as admin_sessions
from bot.admin.roster import Operation
from bot.config.settings import Settings
from bot.store.repository import Repository

# Changes to the program that write no audit row of their own. Each gets one naming the operation, what
# it was given (never a code or a PIN hash) and the operating-system account that ran the command.
# Each leaves an "admin_<op>" row naming who ran it (newcomer7 finding N19: a reassignment by
# `iop-bot patient reassign` was recorded only as done by "bot").
AUDITED = frozenset(
    {"counselor_add", "cohort_add", "cohort_focus", "session_add", "session_cancel", "enroll",
     "counselor_remove", "patient_reassign", "invite_revoke", "patient_discharge", "counselor_away"}
)  # fmt: skip
SHOWN: tuple[str, ...] = ("name", "admin", "telegram_id", "counselor", "alias", "cohort", "skill", "weekdays")
SHOWN += ("time", "date", "duration", "days", "patient", "id", "until", "cover", "back")


def operations() -> dict[str, Operation]:
    """All operations (each feature module keeps its own table)."""
    table: dict[str, Operation] = {
        **admin.OPERATIONS,
        **admin_sessions.OPERATIONS,
        **admin_records.OPERATIONS,
        **admin_people.OPERATIONS,
        **backup.OPERATIONS,
        **alert_status.OPERATIONS,
        **away.OPERATIONS,
        **digest_status.OPERATIONS,
        **leaving.OPERATIONS,
        **retention_status.OPERATIONS,
    }
    return {op: _audited(op, fn) if op in AUDITED else fn for op, fn in table.items()}


def _audited(op: str, fn: Operation) -> Operation:
    def run(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
        result = fn(repo, settings, now, args)  # a refused operation (AdminError) changed nothing: no row
        shown = {key: args[key] for key in SHOWN if args.get(key) not in (None, "", False)}
        repo.audit(now, 0, f"admin_{op}", "-", by=str(args.get("by") or "unknown"), **shown)
        return result

    return run
