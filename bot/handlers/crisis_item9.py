"""Crisis words typed at a questionnaire's safety item (PHQ-9 item 9) keep that context (newcomer22 N237): "ningun
dia pero a veces si lo pienso, la neta", read by the screen as a crisis, was carded "what about is not clear" and
Show message gave the words alone, so an English-only counselor could not tell that "sometimes I think about it"
answered "thoughts that you would be better off dead". The alert is the item's ("answered item 9 ... in words"),
with the question quoted, whatever the screen read; the patient's answer stays the screen's."""

from __future__ import annotations

from typing import Any

from bot import texts
from bot.domain.measures import Draft, current
from bot.domain.models import Patient
from bot.telegram.services import Context

PENDING = "measures"  # bot/handlers/measures.py's pending input (not imported: it imports the crisis handler)


async def item9_words(
    context: Context, patient: Patient, pending: dict[str, Any] | None, text: str
) -> str | None:
    """The alert's words when ``text`` was typed at an open questionnaire's safety item, else None."""
    if pending is None or pending.get("kind") != PENDING:
        return None
    svc = context.svc
    stored = await svc.db(svc.repo.measure_draft, patient.patient_id)
    if stored is None:
        return None
    try:
        question = current(Draft.from_dict(stored), svc.instruments)
    except (KeyError, IndexError, ValueError):
        return None  # the sitting no longer reads: the screen's own alert, as for any words
    instrument, item = question.instrument, question.item
    if instrument.safety_item != item.number:
        return None
    return texts.measures_typed_alert(instrument.title, item.number, item.text, text)
