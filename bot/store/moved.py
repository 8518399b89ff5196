"""Which update moved a patient's conversation, kept in the same write as the move (ops O62).

An update handled before a kill -9 but not yet marked done in the inbox is replayed at the next start
(bot/telegram/delivery.py). Replayed against the *new* state, a typed "yes" to the medication question
answered the next question too ("used since last check-in?", a relapse on the record) or "Are you safe
right now?". So every write of a patient's conversation state (the pending input, the check-in draft,
the kept words: ``put_state``) records the id of the update being handled, in the same shard write as
the answer; a replayed update whose id is recorded there already moved it and is not applied again.

The update being handled is a context variable set per update (bot/telegram/delivery.py) and carried
onto the store thread with each call (bot/store/worker.py).
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

HANDLING: ContextVar[int | None] = ContextVar("handling_update", default=None)
# When the person wrote the update being handled (Telegram's date): audit rows carry it (bot/telegram/acted.py).
ACTED: ContextVar[datetime | None] = ContextVar("update_written", default=None)
ACTED_SHOWN = timedelta(minutes=1)  # a row this much later than the person acted names when they did
KEEP = 16  # a person's updates in flight at a crash are few: the newest ids that moved them are enough
FIELD = "moved"


def stamped(row: dict[str, Any] | None, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the update being handled added to the ids that moved this state slot."""
    update_id = HANDLING.get()
    if update_id is None:
        return values
    before = [int(i) for i in (row or {}).get(FIELD) or [] if i != update_id]
    return {**values, FIELD: [*before[-(KEEP - 1) :], update_id]}


def moved_by(row: dict[str, Any] | None, update_id: int) -> bool:
    """Whether this update moved the state slot ``row``."""
    return update_id in ((row or {}).get(FIELD) or [])
