"""The words of an open safety question and those the patient sent after it, for reading a goodbye told in
pieces (newcomer18 N178, bot/domain/farewell_burst.py). Store thread.

After "estoy harta de todo" got "Are you safe right now?", "perdónenme" went to the counselor as words and "los
quiero mucho" too: each read alone, never with the hopelessness the question was about.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.burst import BURST
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable
from bot.usecases.kept_burst import kept_pieces
from bot.usecases.workspace import CHECK


def flag_words(details: dict[str, Any]) -> list[str]:
    """A flag's words as the messages they came in (older flags keep one text)."""
    pieces = details.get("words")
    if isinstance(pieces, list) and pieces:
        return [str(p) for p in pieces]
    return [str(details.get("text", ""))]


def check_burst(repo: Repository, patient_id: str, now: datetime) -> list[str]:
    """The words of the first "worrying words" flag still open and raised within ``BURST``, and every word the
    patient sent after it (later flags, words passed on, words kept unsent), oldest first; none when there is
    no such flag."""
    flags = [
        (datetime.fromisoformat(r["at"]), r["details"])
        for r in repo.flags_of_kind(patient_id, CHECK)
        if r["ack"] is None and now - datetime.fromisoformat(r["at"]) <= BURST
    ]
    if not flags:
        return []
    flags.sort(key=lambda flag: flag[0])
    first, details = flags[0]
    later: list[tuple[datetime, str]] = [(at, w) for at, d in flags[1:] for w in flag_words(d)]
    later += [(m.at, m.text) for m in repo.messages(patient_id) if m.sender == "patient" and m.at > first]
    later += [(w, t) for t, w in kept_pieces(repo, patient_id, now) if w is not None and w > first]
    despair = flag_words(details)
    after: list[str] = []
    for _, text in sorted(later, key=lambda piece: piece[0]):
        if text not in after and text not in despair:  # a piece flagged twice (read with the one before)
            after.append(text)
    return [*despair, *after]


def written_under_check(repo: Repository, patient_id: str, since: datetime) -> int:
    """How many messages the patient wrote after their newest "worrying words" flag raised since ``since`` (the
    words its question waited under, passed on as 💬 cards: newcomer21 N186). Store thread; 0 when unreadable."""
    try:
        flags = [f for f in repo.flags_of_kind(patient_id, CHECK) if datetime.fromisoformat(f["at"]) >= since]
        if not flags:
            return 0
        asked = datetime.fromisoformat(flags[-1]["at"])
        return sum(m.sender == "patient" and m.at > asked for m in repo.messages(patient_id))
    except RecordsUnavailable:
        return 0
