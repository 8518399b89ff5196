"""Roster changes told to the team: an on-call counselor removed, a patient moved with open alerts.

Counselor-facing (English, the team's language). A notice to the admins names no patient: it is about who
is on call, not about anyone's care.
"""

from __future__ import annotations

from bot.texts.base import esc


def oncall_removed(name: str) -> str:
    """To the admins, at once: the last on-call counselor was removed, so they take the escalations."""
    return (
        f"⚠️ <b>{esc(name)}</b> was removed as a counselor and was the last one on call. Nobody in the "
        "settings' on-call list is left, so unacknowledged urgent alerts now escalate to the admins (you). "
        "Put someone on call in the settings ([alerts] oncall) and restart the bot."
    )
