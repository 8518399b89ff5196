"""What the crisis screen already did with this update, for the flow the text also answers.

The screen runs first (its own handler group) and, when a patient is in the middle of a flow, lets
the text go on to that flow so nothing they gave is lost. The flow then keeps the answer but stays
quiet: the screen's answer is the one reply, never followed by "that's not a number".
"""

from __future__ import annotations

from bot.telegram.services import Context

_KEY = "_iop_screened"
_LANGUAGE = "_iop_screened_language"


def screened(context: Context) -> str | None:
    """The level the screen answered this update at ("crisis", "relapse", ...), or None."""
    level = getattr(context, _KEY, None)
    return str(level) if level is not None else None


def screened_language(context: Context) -> str:
    """The language the screen read this update in ("en" when it did not answer it)."""
    return str(getattr(context, _LANGUAGE, "en"))


def mark_screened(context: Context, level: str, language: str = "en") -> None:
    """Record that the screen answered this update (PTB uses one context per update, across groups)."""
    setattr(context, _KEY, level)
    setattr(context, _LANGUAGE, language)


def safety_asked(context: Context, patient_id: str, message_id: int, language: str, kind: str) -> None:
    """Remember the open "Are you safe right now?" (bot/handlers/crisis_answers.py reads a typed answer)."""
    context.svc.state.safety_asked[patient_id] = (message_id, language, kind, context.svc.now())
