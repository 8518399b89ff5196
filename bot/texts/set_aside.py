"""To the admins: the bot set aside records it could not read whole (newcomer6 finding 12). Counselor side."""

from __future__ import annotations

from bot.texts.base import esc

__all__ = ["export_set_aside", "records_set_aside"]


def records_set_aside(what: str, path: str) -> str:
    """A cut-short tail set aside at start-up: which records may be missing, and what to do."""
    return (
        f"⚠️ <b>Records set aside</b>: the end of {esc(what)} was cut short (a crash, a damaged copy or an "
        f"interrupted restore), so the bot set it aside in <code>{esc(path)}</code> and goes on without it. "
        "If that record was saved and acknowledged, it is missing now: ask whoever runs the bot to check with "
        "<code>iop-bot doctor</code>, restore a backup that has it (<code>iop-bot restore</code>), then delete the "
        "file. This notice comes again each day while the file is there."
    )


def export_set_aside(alias: str, files: int) -> str:
    """After /export: part of the patient's check-in log was set aside, so the file may lack a check-in."""
    return (
        f"⚠️ This export of <b>{esc(alias)}</b> may be missing a check-in: the end of their check-in log was cut "
        f"short and set aside ({files} file{'s' if files != 1 else ''}). The program's admins have been told; "
        "<code>iop-bot doctor</code> names it, and restoring a backup that has it brings it back."
    )
