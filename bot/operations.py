"""Every administrator operation by name: what the CLI and the control socket may run."""

from __future__ import annotations

from bot import admin, admin_people, admin_records, admin_sessions, backup
from bot.admin import Operation


def operations() -> dict[str, Operation]:
    """All operations (each feature module keeps its own table)."""
    return {
        **admin.OPERATIONS,
        **admin_sessions.OPERATIONS,
        **admin_records.OPERATIONS,
        **admin_people.OPERATIONS,
        **backup.OPERATIONS,
    }
