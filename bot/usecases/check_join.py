"""Worrying words while the safety question they follow waits unanswered join its flag (newcomer18 N181). Store
thread.

"nadie me quiere", "todo me da igual", "ya no le veo caso a nada", seconds apart, were three flags and three
identical questions. The words after the first are one burst with it: one flag holds them all, the question is
asked once, and the count of words waiting tells the counselor when they pile up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.domain.models import Patient
from bot.store.repository import Repository
from bot.usecases.check_burst import flag_words
from bot.usecases.patient_text import Followed, follow
from bot.usecases.workspace import CHECK

# The flag a question was asked about is raised just before it (the same handler): this much before the asking.
SLACK = timedelta(minutes=5)


def flag_check_words(
    repo: Repository,
    patient: Patient,
    key: str,
    details: dict[str, Any],
    now: datetime,
    asked_at: datetime | None,
    render: Callable[[list[str]], str],
) -> tuple[Followed | None, int]:
    """Worrying words: joined to the open flag of the safety question asked at ``asked_at`` (still waiting), or
    a flag of their own; and, while a crisis alert about the patient is open, the words for its people. Returns
    that and how many messages the flag now holds. One store call, so a crash never splits them."""
    pid = patient.patient_id
    found = _asked_about(repo, pid, asked_at) if asked_at is not None else None
    count = len(details.get("words") or [details["text"]])
    if found is None:
        repo.raise_flag(pid, CHECK, key, now, details)
    else:
        words = [*flag_words(found["details"]), *(details.get("words") or [details["text"]])]
        reasons = list(dict.fromkeys([*found["details"].get("reasons", []), *details["reasons"]]))
        joined = {**found["details"], "reasons": reasons, "words": words, "text": render(words)}
        if repo.join_flag(pid, str(found["key"]), joined):
            count = len(words)
        else:  # acknowledged in between: a flag of their own
            repo.raise_flag(pid, CHECK, key, now, details)
    return follow(repo, patient, str(details["text"]), now), count


def _asked_about(repo: Repository, patient_id: str, asked_at: datetime) -> dict[str, Any] | None:
    """The newest open "worrying words" flag raised just before (or since) the question was asked."""
    rows = [
        r
        for r in repo.flags_of_kind(patient_id, CHECK)
        if r["ack"] is None and datetime.fromisoformat(r["at"]) >= asked_at - SLACK
    ]
    return rows[-1] if rows else None
