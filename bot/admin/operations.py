"""Every administrator operation by name: what the CLI and the control socket may run."""

from __future__ import annotations

from bot.admin import backup
from bot.admin import people as admin_people
from bot.admin import records as admin_records
from bot.admin import roster as admin
from bot.admin import schedule as admin_sessions
from bot.admin.roster import Operation


def operations() -> dict[str, Operation]:
    """All operations (each feature module keeps its own table)."""
    return {
        **admin.OPERATIONS,
        **admin_sessions.OPERATIONS,
        **admin_records.OPERATIONS,
        **admin_people.OPERATIONS,
        **backup.OPERATIONS,
    }
