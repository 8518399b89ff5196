"""What a counselor reads while reviewing flags: what one tap closed, and urgent alerts it leaves open."""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import esc, stamp


def _alerts(count: int) -> str:
    return "1 urgent alert is" if count == 1 else f"{count} urgent alerts are"


def flags_acked(count: int, urgent_open: int = 0) -> str:
    """The pop-up after "Acknowledge flags" (plain text: Telegram shows pop-ups as typed)."""
    done = f"Flags acknowledged ({count})." if count else "No other open flags."
    return done if not urgent_open else f"{done} {_alerts(urgent_open)} still open: see below."


def urgent_still_open(alias: str, count: int) -> str:
    """After "Acknowledge flags" left urgent alerts open, above a button for each."""
    which = "it" if count == 1 else "each one"
    return (
        f"<b>{esc(alias)}</b>: {_alerts(count)} still open. An urgent alert closes only from the alert "
        f"itself, so none stops escalating unread: open {which} below, read it, then tap Acknowledge on it."
    )


def urgent_page_line(count: int) -> str:
    """On the patient page, under the open flags."""
    which = "it" if count == 1 else "each"
    return f"🚨 {_alerts(count)} open: open {which} from its 🚨 button below to read and acknowledge it."


def open_alert_button(label: str, at: datetime) -> str:
    """A button that brings back one urgent alert (button text is shown as typed: not HTML)."""
    return f"🚨 {label}, {stamp(at)}"
