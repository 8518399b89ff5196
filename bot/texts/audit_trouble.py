"""To the admins: the audit log was tampered with or damaged (ops O122/O123)."""

from __future__ import annotations

from bot.texts.base import esc


def audit_trouble(what: str) -> str:
    """Once a day per trouble while it lasts: ``what`` names files and lines, never a person."""
    return (
        "⚠️ <b>Bot health</b>\nThe audit log (the record of who saw or changed what, disclosures too) was "
        f"changed outside the bot or is damaged: {esc(what)}. The bot keeps writing the log without losing "
        "rows. Keep the data dir as it is (evidence), compare it with the last backup (<code>iop-bot audit "
        "--verify</code> names where it breaks), and find out who had access to the server. "
        "<code>iop-bot doctor --live</code> shows it while it lasts."
    )
