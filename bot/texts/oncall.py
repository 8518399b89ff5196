"""To counselors: being put on call, or taken off it, at the start that loads a new [alerts] oncall (newcomer22
N225). Counselor-only (staff read English, as the other counselor texts)."""

from __future__ import annotations

from bot.texts.base import esc

__all__ = ["on_call_from_now", "on_call_no_longer"]


def on_call_from_now(program: str, minutes: int) -> str:
    """To a counselor now in [alerts] oncall."""
    return (
        f"📟 You are <b>on call</b> for {esc(program)} from now on: an urgent alert about any patient that nobody "
        f"acknowledges within {minutes} minutes comes to you too, day and night, and so do the alerts of "
        "patients whose counselor is away with no one covering. You'll get a message like this when you are taken "
        "off the on-call list."
    )


def on_call_no_longer(program: str) -> str:
    """To a counselor taken out of [alerts] oncall."""
    return (
        f"📟 You are <b>no longer on call</b> for {esc(program)}: other patients' unacknowledged urgent alerts stop "
        "coming to you. Your own patients' alerts still do."
    )
